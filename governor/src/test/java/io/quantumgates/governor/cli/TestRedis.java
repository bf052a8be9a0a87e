package io.quantumgates.governor.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.Env;
import io.quantumgates.testkit.RedisServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server for one test class (register it as a static {@code @RegisterExtension}), emptied before each
 * test, with a Lettuce handle to arrange and inspect it and the daemon env that points at it.
 */
final class TestRedis implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    RedisServer server;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServer.start();
        client = RedisClient.create(server.uri());
        connection = client.connect();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.flushAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        connection.close();
        client.shutdown();
        server.close();
    }

    RedisCommands<String, String> redis() {
        return connection.sync();
    }

    Env env() {
        return new Env(Map.of("REDIS_URL", server.uri()));
    }

    Env env(Map<String, String> more) {
        Map<String, String> vars = new HashMap<>(more);
        vars.put("REDIS_URL", server.uri());
        return new Env(vars);
    }
}
