package io.quantumgates.heatgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.Env;
import io.quantumgates.heatgate.redis.Keys;
import io.quantumgates.testkit.RedisServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daemon in-JVM while its Redis dies or comes back empty: one server per test, since both kill it. */
class HeatGateRedisLossIT {
    private RedisServer server;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> redis;
    private HeatGateDaemon daemon;

    @BeforeEach
    void startRedis() {
        server = RedisServer.start();
        client = RedisClient.create(server.uri());
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterEach
    void stopAll() {
        if (daemon != null) {
            daemon.close();
        }
        connection.close();
        client.shutdown();
        server.close();
    }

    private void startDaemon(int metricsPort) {
        Map<String, String> env = new HashMap<>(Map.of("REDIS_URL", server.uri(), "P26_METRICS_PORT",
                Integer.toString(metricsPort), "P26_POLL_SEC", "0.1", "P26_CONSUMER_NAME", "loss-gate"));
        daemon = new HeatGateDaemon(HeatGateConfig.from(new Env(env), "unused"), InstantSource.system());
        assertThat(daemon.start()).isTrue();
    }

    private Optional<Map<String, String>> outputFor(String sourceId) {
        return redis.xrange(Keys.CALIBRATED, Range.unbounded()).stream()
                .filter(m -> sourceId.equals(m.getBody().get("source_id"))).findFirst().map(StreamMessage::getBody);
    }

    @Test
    void redisRestartedEmptyUnderARunningDaemonGetsItsGroupBackAtZeroAndAViewFromTheNewSnapshots() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        redis.xadd(Keys.SNAPSHOTS, Map.of("symbol", "ETHUSDT", "position_notional_usd", "1800", "sigma", "0.15"));
        startDaemon(0);
        String before = redis.xadd(Keys.PROPOSALS, Map.of("plan_id", "before", "symbol", "ETHUSDT", "action", "FULL_CLOSE"));
        await().atMost(Duration.ofSeconds(10)).until(() -> outputFor(before).isPresent());

        server.restart();
        // The publisher comes back first: its proposal is in the new stream before the group exists, so only a
        // group re-created at 0 (as the contract creates it) reads it.
        redis.hset(Keys.PORTFOLIO, "equity_usd", "1000");
        redis.xadd(Keys.SNAPSHOTS, Map.of("symbol", "ETHUSDT", "position_notional_usd", "3600", "sigma", "0.15"));
        String after = redis.xadd(Keys.PROPOSALS, Map.of("plan_id", "after", "symbol", "ETHUSDT", "action", "FULL_CLOSE"));

        Map<String, String> out = await().atMost(Duration.ofSeconds(20)).until(() -> outputFor(after), Optional::isPresent)
                .orElseThrow();
        assertThat(out).containsEntry("plan_id", "after").containsEntry("equity_usd", "1000");
        assertThat(redis.xinfoGroups(Keys.PROPOSALS)).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.xpending(Keys.PROPOSALS, Keys.GROUP).getCount() == 0);
        assertThat(redis.xlen(Keys.CALIBRATED)).isEqualTo(1);
        // The snapshot feed reconnects on its own schedule: retry until the view holds the new snapshot,
        // 3600 × 0.15 / 1000, not the 1800 from before the restart.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String id = redis.xadd(Keys.PROPOSALS, Map.of("plan_id", "later", "symbol", "ETHUSDT", "action", "FULL_CLOSE"));
            Map<String, String> later = await().atMost(Duration.ofSeconds(10))
                    .until(() -> outputFor(id), Optional::isPresent).orElseThrow();
            assertThat(later).containsEntry("heat_value", "0.5400").containsEntry("heat_bucket", "WARM")
                    .containsEntry("heat_symbols", "1");
        });
    }

    @Test
    void healthzIs503WhileRedisIsDownAnd200WhenItIsBack() throws Exception {
        int port = freePort();
        startDaemon(port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest healthz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(10)).build();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.send(healthz, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

        server.kill();
        HttpResponse<String> down = await().atMost(Duration.ofSeconds(20))
                .until(() -> http.send(healthz, HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 503);
        assertThat(down.body()).contains("\"status\": \"unhealthy\"").contains("\"redis\": false");

        server.restart();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.send(healthz, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
