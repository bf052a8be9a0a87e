package io.quantumgates.governor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.testkit.FakeBinance;
import io.quantumgates.testkit.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shaded jar as operators run it: env only, real redis-server, FakeBinance as the exchange. */
class DaemonProcessIT {
    @RegisterExtension
    static final RedisServerExtension redisServer = new RedisServerExtension();
    private static FakeBinance exchange;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> redis;
    private final List<DaemonProcess> daemons = new ArrayList<>();

    @BeforeAll
    static void start() {
        exchange = FakeBinance.start();
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    @BeforeEach
    void connect() {
        exchange.clearPositions();
        exchange.clearFaults();
        client = RedisClient.create(redisServer.uri());
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (DaemonProcess d : daemons) {
            d.close();
        }
        connection.close();
        client.shutdown();
    }

    private Map<String, String> env(String consumer) {
        Map<String, String> env = new HashMap<>();
        env.put("REDIS_URL", redisServer.uri());
        env.put("METRICS_PORT", "0");
        env.put("GOV_CONSUMER_NAME", consumer);
        env.put("BINANCE_BASE_URL", exchange.baseUrl());
        env.put("BINANCE_TESTNET_API_KEY", FakeBinance.DEFAULT_API_KEY);
        env.put("BINANCE_TESTNET_API_SECRET", FakeBinance.DEFAULT_API_SECRET);
        return env;
    }

    private DaemonProcess daemon(Map<String, String> env) {
        DaemonProcess d = DaemonProcess.start(env);
        daemons.add(d);
        return d;
    }

    private String publish(String... kv) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            f.put(kv[i], kv[i + 1]);
        }
        return redis.xadd(Harness.PLANS, f);
    }

    private List<Map<String, String>> audits() {
        return redis.xrange(Harness.AUDIT, Range.create("-", "+")).stream().map(StreamMessage::getBody).toList();
    }

    private void awaitSnapshot() {
        await().atMost(Duration.ofSeconds(20)).until(() -> redis.hexists("quantum:governor:exchange:meta", "installed_at_ms"));
    }

    @Test
    void badEnvironmentExitsTwoNamingTheVariable() throws InterruptedException {
        Map<String, String> env = env("gov-bad");
        env.put("GOV_MAX_TOTAL_NOTIONAL_USDT", "lots");
        DaemonProcess d = daemon(env);
        assertThat(d.awaitExit(Duration.ofSeconds(20))).isEqualTo(2);
        assertThat(d.messages()).containsExactly(
                "[ERROR] Invalid configuration: GOV_MAX_TOTAL_NOTIONAL_USDT='lots' (expected decimal >= 0)");
    }

    @Test
    void startsWithTheContractsBannerDecidesTheSeedAndExitsZeroOnSigterm() throws InterruptedException {
        exchange.loadSeedAccount();
        exchange.setMark("SOLUSDT", "150.00");
        Map<String, String> env = env("gov-banner");
        env.put("GOV_MAX_OPEN_POSITION", "5");
        DaemonProcess d = daemon(env);
        d.awaitMessage("[INFO] Consumer group 'governor' created");
        assertThat(d.messages()).containsSubsequence(
                "[INFO] === P3.2 GOVERNOR STARTING ===",
                "[WARNING] Unknown configuration variable GOV_MAX_OPEN_POSITION - ignored (check the spelling)",
                "[INFO] Metrics port: 0",
                "[INFO] Binance testnet client initialized",
                "[INFO] Governor initialized",
                "[INFO] Max exec/hour: 3, Max exec/5min: 2",
                "[INFO] Auto-disarm: True, Kill score critical: 0.8",
                "[INFO] Fund caps: 10 positions, $200.0/trade, $2000.0 total",
                "[INFO] Symbol cooldown: 60s",
                "[INFO] APPLY_MODE: testnet",
                "[INFO] Exchange: " + exchange.baseUrl() + ", poll 1000ms, max age 5000ms, reservation TTL 120s",
                "[INFO] Governor starting main loop (event-driven mode)",
                "[INFO] Consumer group: governor on quantum:stream:apply.plan",
                "[INFO] Consumer group 'governor' created");
        d.awaitMessage("[INFO] Exchange snapshot: 22 positions, notional $118844.14, wallet $13661.00");
        publish("plan_id", "9f3a61c2d4b7e810", "symbol", "BTCUSDT", "action", "PARTIAL_75", "kill_score", "0.412",
                "decision", "EXECUTE");
        publish("plan_id", "73071774b2c9d0e4", "symbol", "SOLUSDT", "side", "BUY", "qty", "1.0", "reduceOnly", "false",
                "decision", "EXECUTE");
        d.awaitMessage("[WARNING] SOLUSDT: BLOCKED plan 73071774 - max_positions_reached (projected=23 max=10)");
        assertThat(d.messages()).contains(
                "[INFO] BTCUSDT: ALLOW plan 9f3a61c2 (permit issued: qty=0.0000, notional=$0.00) - ALLOWED CLOSE");
        d.sigterm();
        assertThat(d.awaitExit(Duration.ofSeconds(6))).isZero();
        assertThat(String.join("\n", d.lines())).doesNotContain(FakeBinance.DEFAULT_API_SECRET)
                .doesNotContain(FakeBinance.DEFAULT_API_KEY);
    }

    @Test
    void threeProcessesInOneGroupNeverExceedMaxPositionsOrTotalNotional() throws InterruptedException {
        for (int i = 0; i < 30; i++) {
            exchange.setMark("C" + i + "USDT", "150.00");
        }
        for (int i = 0; i < 3; i++) {
            daemon(env("gov-race-" + i)).awaitMessage("[INFO] Consumer group: governor on quantum:stream:apply.plan");
        }
        awaitSnapshot();
        for (int i = 0; i < 30; i++) {
            publish("plan_id", "race-" + i, "symbol", "C" + i + "USDT", "side", "BUY", "qty", "1", "decision", "EXECUTE");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> audits().size() == 30);
        List<Map<String, String>> allowed = audits().stream().filter(a -> a.get("outcome").equals("ALLOW")).toList();
        assertThat(allowed).hasSizeLessThanOrEqualTo(10);
        assertThat(allowed.stream().mapToDouble(a -> Double.parseDouble(a.get("notional"))).sum()).isLessThanOrEqualTo(2000);
        assertThat(audits().stream().filter(a -> a.get("outcome").equals("BLOCK")))
                .allMatch(a -> a.get("reason").equals("max_positions_reached"));
        assertThat(audits().stream().map(a -> a.get("instance")).distinct().count()).isGreaterThan(1);
        assertThat(redis.hlen("quantum:governor:reservations")).isEqualTo(allowed.size());
    }

    @Test
    void sigkillMidBurstThenRestartLeavesExactlyOneOutcomePerEntry() throws InterruptedException {
        Map<String, String> env = env("gov-crash");
        env.put("GOV_CLAIM_IDLE_MS", "1000");
        DaemonProcess first = daemon(env);
        first.awaitMessage("[INFO] Consumer group: governor on quantum:stream:apply.plan");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            ids.add(publish("plan_id", "crash-" + i, "symbol", "S" + (i % 50) + "USDT", "action", "FULL_CLOSE",
                    "decision", "EXECUTE"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !audits().isEmpty());
        first.sigkill();
        DaemonProcess second = daemon(env);
        await().atMost(Duration.ofSeconds(40)).until(() -> audits().size() >= 400);
        Thread.sleep(500);
        List<Map<String, String>> audits = audits();
        assertThat(audits).hasSize(400);
        assertThat(audits.stream().map(a -> a.get("stream_id")).distinct()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(audits.stream().map(a -> a.get("plan_id")).distinct().count()).isEqualTo(400);
        assertThat(redis.xpending(Harness.PLANS, "governor").getCount()).isZero();
        assertThat(second.alive()).isTrue();
    }

    @Test
    void redisKilledAndRestartedUnderTheDaemonIsSurvived() throws InterruptedException {
        DaemonProcess d = daemon(env("gov-redis"));
        d.awaitMessage("[INFO] Consumer group: governor on quantum:stream:apply.plan");
        publish("plan_id", "before-restart", "symbol", "BTCUSDT", "action", "FULL_CLOSE", "decision", "EXECUTE");
        await().atMost(Duration.ofSeconds(10)).until(() -> audits().size() == 1);
        redisServer.server().kill();
        Thread.sleep(1500);
        redisServer.server().restart();
        d.awaitMessage("[CRITICAL] Redis state lost (consumer group missing) - kill switch and disarm latch were reset");
        connection.close();
        connection = client.connect();
        redis = connection.sync();
        publish("plan_id", "after-restart", "symbol", "ETHUSDT", "action", "FULL_CLOSE", "decision", "EXECUTE");
        await().atMost(Duration.ofSeconds(20)).until(() -> audits().stream()
                .anyMatch(a -> a.get("plan_id").equals("after-restart") && a.get("outcome").equals("ALLOW")));
        assertThat(d.alive()).isTrue();
    }

    @Test
    void healthzIs503WhileRedisIsDownAnd200OnceItIsBack() throws Exception {
        redisServer.server().kill();
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> env = env("gov-health");
        env.put("METRICS_PORT", Integer.toString(port));
        DaemonProcess d = daemon(env);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest healthz = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/healthz")).timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> http.send(healthz, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 503);
        assertThat(http.send(healthz, java.net.http.HttpResponse.BodyHandlers.ofString()).body())
                .contains("\"status\": \"unhealthy\"");

        redisServer.server().restart();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> http.send(healthz, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        assertThat(http.send(healthz, java.net.http.HttpResponse.BodyHandlers.ofString()).body())
                .contains("\"status\": \"ok\"", "\"redis\": true");
        assertThat(d.alive()).isTrue();
    }
}
