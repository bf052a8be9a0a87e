package io.quantumgates.heatgate;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.testkit.RedisServer;
import io.quantumgates.testkit.RedisServerExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The testkit's {@link RedisServerExtension} (one real redis-server per test class, emptied before each test) plus
 * one Lettuce handle to arrange and inspect it. Register it as a static {@code @RegisterExtension}.
 */
final class TestRedis implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final RedisServerExtension server = new RedisServerExtension();
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    @Override
    public void beforeAll(ExtensionContext context) {
        server.beforeAll(context);
        client = RedisClient.create(server.uri());
        connection = client.connect();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.beforeEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        connection.close();
        client.shutdown();
        server.afterAll(context);
    }

    RedisServer server() {
        return server.server();
    }

    RedisCommands<String, String> redis() {
        return connection.sync();
    }
}
