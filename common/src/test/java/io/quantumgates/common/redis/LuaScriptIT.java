package io.quantumgates.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.RedisSettings;
import io.quantumgates.common.config.Secret;
import io.quantumgates.testkit.RedisServerExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LuaScriptIT {
    @RegisterExtension
    static final RedisServerExtension redisServer = new RedisServerExtension();
    private RedisConnector connector;
    private final LuaScript incr = LuaScript.fromResource("/io/quantumgates/common/redis/incr.lua");

    @BeforeEach
    void connect() {
        connector = new RedisConnector(new RedisSettings(
                redisServer.server().host(), redisServer.server().port(), 0, "", Secret.empty(), false));
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

        redisServer.server().kill();
        redisServer.server().restart();
        assertThat(connector.awaitAvailable()).isTrue();

        assertThat(redis().scriptExists(incr.sha())).containsExactly(false);
        assertThat((Long) incr.eval(redis(), ScriptOutputType.INTEGER, List.of("n"), List.of())).isEqualTo(1L);
    }

    private RedisCommands<String, String> redis() {
        return connector.shared().sync();
    }
}
