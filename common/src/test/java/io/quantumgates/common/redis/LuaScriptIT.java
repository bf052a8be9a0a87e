package io.quantumgates.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.RedisSettings;
import io.quantumgates.common.config.Secret;
import io.quantumgates.testkit.RedisServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LuaScriptIT {
    private static RedisServer server;
    private RedisConnector connector;
    private final LuaScript incr = LuaScript.fromResource("/io/quantumgates/common/redis/incr.lua");

    @BeforeAll
    static void startRedis() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @BeforeEach
    void connect() {
        server.flushAll();
        connector = new RedisConnector(new RedisSettings(server.host(), server.port(), 0, "", Secret.empty(), false));
    }

    @AfterEach
    void disconnect() {
        connector.close();
    }

    @Test
    void scriptRunsByShaWithKeysAndArgs() {
        LuaScript echo = LuaScript.of("echo", "return {KEYS[1], ARGV[1], ARGV[2]}");

        List<Object> reply = echo.eval(redis(), ScriptOutputType.MULTI, List.of("k"), List.of("a", "b"));

        assertThat(reply).containsExactly("k", "a", "b");
    }

    @Test
    void scriptIsReloadedAfterScriptFlush() {
        assertThat((Long) incr.eval(redis(), ScriptOutputType.INTEGER, List.of("n"), List.of())).isEqualTo(1L);

        redis().scriptFlush();

        assertThat((Long) incr.eval(redis(), ScriptOutputType.INTEGER, List.of("n"), List.of())).isEqualTo(2L);
    }

    @Test
    void scriptIsReloadedAfterRedisRestart() {
        assertThat((Long) incr.eval(redis(), ScriptOutputType.INTEGER, List.of("n"), List.of())).isEqualTo(1L);

        server.kill();
        server.restart();
        assertThat(connector.awaitAvailable()).isTrue();

        assertThat(redis().scriptExists(incr.sha())).containsExactly(false);
        assertThat((Long) incr.eval(redis(), ScriptOutputType.INTEGER, List.of("n"), List.of())).isEqualTo(1L);
    }

    private RedisCommands<String, String> redis() {
        return connector.shared().sync();
    }
}
