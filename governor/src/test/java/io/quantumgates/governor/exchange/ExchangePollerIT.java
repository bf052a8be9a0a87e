package io.quantumgates.governor.exchange;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.quantumgates.common.binance.BinanceClient;
import io.quantumgates.common.binance.BinanceCredentials;
import io.quantumgates.common.config.Secret;
import io.quantumgates.governor.GovernorKeys;
import io.quantumgates.governor.TestRedis;
import io.quantumgates.testkit.FakeBinance;
import io.quantumgates.testkit.Fault;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExchangePollerIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();
    private static RedisCommands<String, String> redis;

    private FakeBinance fake;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void redisHandle() {
        redis = testRedis.redis();
    }

    @BeforeEach
    void start() {
        fake = FakeBinance.start();
        fake.loadSeedAccount();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        fake.close();
    }

    @Test
    void installWritesPositionsMarksAndMeta() {
        poller("gov-a").start();

        await().atMost(WAIT).until(() -> "ok".equals(redis.hget(GovernorKeys.EXCHANGE_META, "status")));

        Map<String, String> meta = redis.hgetall(GovernorKeys.EXCHANGE_META);
        assertThat(meta).containsEntry("positions_open", "22")
                .containsEntry("total_notional", "118844.14")
                .containsEntry("wallet_balance", "13661")
                .containsEntry("available_balance", "0")
                .containsEntry("last_error", "")
                .containsKeys("installed_at_ms", "fetch_ms", "weight_used")
                .doesNotContainKeys("paused_until_ms", "notional_unknown");
        assertThat(Long.parseLong(meta.get("weight_used"))).isPositive();
        assertThat(redis.hlen(GovernorKeys.EXCHANGE_POSITIONS)).isEqualTo(22);
        assertThat(redis.hget(GovernorKeys.EXCHANGE_POSITIONS, "BTCUSDT"))
                .isEqualTo("{\"amt\": \"0.4\", \"notional\": \"34964.92\", \"mark\": \"87412.3\"}");
        assertThat(redis.hexists(GovernorKeys.EXCHANGE_POSITIONS, "SOLUSDT")).isFalse();
        assertThat(redis.hget(GovernorKeys.EXCHANGE_MARKS, "SOLUSDT")).isEqualTo("150");
        assertThat(redis.hlen(GovernorKeys.EXCHANGE_MARKS)).isEqualTo(33);
    }

    @Test
    void installReleasesOnlyReservationsFilledBeforeTheFetchBegan() {
        long now = redisNowMs();
        reserve("plan-filled", "SOLUSDT", "150.0", now - 10_000);
        reserve("plan-open", "SOLUSDT", "50.0", 0);
        reserve("plan-late", "XLMUSDT", "20.0", now + 600_000);
        redis.set(GovernorKeys.RESERVATIONS_NOTIONAL, "220.0");

        poller("gov-a").start();
        await().atMost(WAIT).until(() -> "ok".equals(redis.hget(GovernorKeys.EXCHANGE_META, "status")));

        assertThat(redis.hkeys(GovernorKeys.RESERVATIONS)).containsExactlyInAnyOrder("plan-open", "plan-late");
        assertThat(redis.zrange(GovernorKeys.RESERVATIONS_FILLED, 0, -1)).containsExactly("plan-late");
        assertThat(redis.zrange(GovernorKeys.RESERVATIONS_EXPIRY, 0, -1)).containsExactlyInAnyOrder("plan-open", "plan-late");
        assertThat(redis.hget(GovernorKeys.RESERVATIONS_SYMBOLS, "SOLUSDT")).isEqualTo("plan-open");
        // SOLUSDT and XLMUSDT are reserved and not among the seed's open positions
        assertThat(redis.get(GovernorKeys.RESERVATIONS_UNOPENED)).isEqualTo("2");
        assertThat(Double.parseDouble(redis.get(GovernorKeys.RESERVATIONS_NOTIONAL))).isEqualTo(70.0);
    }

    @Test
    void failedCyclesOnlyMarkTheSnapshotSoItAges() {
        poller("gov-a").start();
        await().atMost(WAIT).until(() -> "ok".equals(redis.hget(GovernorKeys.EXCHANGE_META, "status")));
        String installedAt = redis.hget(GovernorKeys.EXCHANGE_META, "installed_at_ms");

        fake.inject(new Fault.ServerError());
        awaitLastError("http_5xx");
        fake.inject(new Fault.Garbage());
        awaitLastError("parse_error");
        fake.inject(new Fault.Reset());
        awaitLastError("io_error");
        fake.inject(new Fault.NoAnswer());
        awaitLastError("timeout");
        fake.clearFaults();
        fake.setCredentials("rotated-key-000000", FakeBinance.DEFAULT_API_SECRET);
        awaitLastError("auth_rejected");

        assertThat(redis.hget(GovernorKeys.EXCHANGE_META, "status")).isEqualTo("error");
        assertThat(redis.hget(GovernorKeys.EXCHANGE_META, "installed_at_ms")).isEqualTo(installedAt);
        assertThat(redis.hlen(GovernorKeys.EXCHANGE_POSITIONS)).isEqualTo(22);

        fake.setCredentials(FakeBinance.DEFAULT_API_KEY, FakeBinance.DEFAULT_API_SECRET);
        await().atMost(WAIT).until(() -> "ok".equals(redis.hget(GovernorKeys.EXCHANGE_META, "status")));
        assertThat(Long.parseLong(redis.hget(GovernorKeys.EXCHANGE_META, "installed_at_ms"))).isGreaterThan(Long.parseLong(installedAt));
        assertThat(redis.hget(GovernorKeys.EXCHANGE_META, "last_error")).isEmpty();
    }

    @Test
    void rateLimitPausesCallsButKeepsTheLease() throws InterruptedException {
        ExchangePoller poller = poller("gov-a");
        fake.inject("/fapi/v1/premiumIndex", new Fault.RateLimited(3));
        poller.start();

        awaitLastError("http_429");
        Map<String, Integer> countsAtPause = fake.requestCounts();
        assertThat(Long.parseLong(redis.hget(GovernorKeys.EXCHANGE_META, "paused_until_ms"))).isGreaterThan(System.currentTimeMillis());
        Thread.sleep(1500);

        assertThat(fake.requestCounts()).isEqualTo(countsAtPause);
        assertThat(redis.get(GovernorKeys.EXCHANGE_LEASE)).isEqualTo("gov-a");
        assertThat(poller.holdsLease()).isTrue();

        fake.clearFaults();
        await().atMost(WAIT).until(() -> "ok".equals(redis.hget(GovernorKeys.EXCHANGE_META, "status")));
        assertThat(redis.hexists(GovernorKeys.EXCHANGE_META, "paused_until_ms")).isFalse();
    }

    @Test
    void twoPollersOnOneRedisCallTheExchangeFromOneInstanceOnly() {
        AtomicInteger callsA = new AtomicInteger();
        AtomicInteger callsB = new AtomicInteger();
        ExchangePoller a = poller("gov-a", callsA);
        ExchangePoller b = poller("gov-b", callsB);
        a.start();
        b.start();

        await().atMost(WAIT).until(() -> fake.requestCount("/fapi/v3/account") >= 4);

        assertThat(a.holdsLease() ^ b.holdsLease()).isTrue();
        assertThat(callsA.get() == 0 || callsB.get() == 0).isTrue();
        // weight = 15 per cycle (+1 per clock sync) whatever the number of instances
        long cycles = fake.requestCount("/fapi/v3/account");
        assertThat(fake.totalWeight()).isBetween(15 * cycles + 1, 15 * cycles + 10 + fake.requestCount("/fapi/v1/time"));
        assertThat(fake.usedWeight1m()).isLessThanOrEqualTo(1200);
        assertThat(a.ownWeightLastMinute() + b.ownWeightLastMinute()).isLessThanOrEqualTo(1200);
    }

    @Test
    void anotherInstanceTakesOverWhenTheHolderStops() {
        ExchangePoller a = poller("gov-a");
        a.start();
        await().atMost(WAIT).until(a::holdsLease);
        ExchangePoller b = poller("gov-b");
        b.start();
        await().atMost(WAIT).until(() -> "ok".equals(redis.hget(GovernorKeys.EXCHANGE_META, "status")));
        assertThat(b.holdsLease()).isFalse();

        a.close();
        String before = redis.hget(GovernorKeys.EXCHANGE_META, "installed_at_ms");

        await().atMost(WAIT).until(b::holdsLease);
        await().atMost(WAIT).until(() -> !before.equals(redis.hget(GovernorKeys.EXCHANGE_META, "installed_at_ms")));
        assertThat(redis.get(GovernorKeys.EXCHANGE_LEASE)).isEqualTo("gov-b");
    }

    @Test
    void aLapsedLeaseOfADeadInstanceIsTakenOver() {
        redis.set(GovernorKeys.EXCHANGE_LEASE, "gov-dead", SetArgs.Builder.px(1500));
        ExchangePoller poller = poller("gov-a");
        poller.start();

        await().atMost(WAIT).until(poller::holdsLease);

        assertThat(redis.get(GovernorKeys.EXCHANGE_LEASE)).isEqualTo("gov-a");
        long ttl = redis.pttl(GovernorKeys.EXCHANGE_LEASE);
        assertThat(ttl).isBetween(1L, 3000L);
    }

    private void awaitLastError(String lastError) {
        await().atMost(WAIT).until(() -> lastError.equals(redis.hget(GovernorKeys.EXCHANGE_META, "last_error")));
    }

    private ExchangePoller poller(String instance) {
        return poller(instance, new AtomicInteger());
    }

    private ExchangePoller poller(String instance, AtomicInteger calls) {
        BinanceClient client = new BinanceClient(fake.baseUrl(), new BinanceCredentials(
                Secret.of(FakeBinance.DEFAULT_API_KEY), Secret.of(FakeBinance.DEFAULT_API_SECRET)),
                InstantSource.system(), Duration.ofMillis(500));
        client.onRequest((endpoint, status) -> calls.incrementAndGet());
        closeables.add(client);
        ExchangePoller poller = new ExchangePoller(client, redis, new ExchangePollerSettings(200, 5000, instance),
                InstantSource.system(), new ExchangeMetrics(new PrometheusRegistry()));
        closeables.add(poller);
        return poller;
    }

    private void reserve(String planId, String symbol, String notional, long filledAtMs) {
        long now = redisNowMs();
        redis.hset(GovernorKeys.RESERVATIONS, planId, "{\"plan_id\": \"" + planId + "\", \"symbol\": \"" + symbol
                + "\", \"qty\": 1.0, \"notional\": " + notional + ", \"new_position\": true, \"created_at\": "
                + now / 1000.0 + ", \"expires_at_ms\": " + (now + 120_000) + ", \"filled_at_ms\": " + filledAtMs
                + ", \"instance\": \"gov-x\"}");
        redis.zadd(GovernorKeys.RESERVATIONS_EXPIRY, now + 120_000, planId);
        if (filledAtMs > 0) {
            redis.zadd(GovernorKeys.RESERVATIONS_FILLED, filledAtMs, planId);
        }
        // as decide.lua writes a reservation (RESERVATIONS.md); the install recounts …:unopened
        redis.sadd(GovernorKeys.RESERVATIONS + ":plans:" + symbol, planId);
        redis.hsetnx(GovernorKeys.RESERVATIONS_SYMBOLS, symbol, planId);
    }

    private static long redisNowMs() {
        List<String> t = redis.time();
        return Long.parseLong(t.get(0)) * 1000 + Long.parseLong(t.get(1)) / 1000;
    }
}
