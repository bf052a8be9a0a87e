package io.quantumgates.governor.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.Env;
import io.quantumgates.testkit.RedisServer;
import java.util.Map;

/** A real redis-server for one test class, a Lettuce handle to arrange and inspect it, and the daemon env for it. */
final class TestRedis implements AutoCloseable {
    final RedisServer server;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    TestRedis() {
        server = RedisServer.start();
        client = RedisClient.create(server.uri());
        connection = client.connect();
    }

    RedisCommands<String, String> redis() {
        return connection.sync();
    }

    Env env() {
        return new Env(Map.of("REDIS_URL", server.uri()));
    }

    Env env(Map<String, String> more) {
        java.util.HashMap<String, String> vars = new java.util.HashMap<>(more);
        vars.put("REDIS_URL", server.uri());
        return new Env(vars);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
        server.close();
    }
}
