package io.quantumgates.governor.daemon;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.quantumgates.common.binance.BinanceCredentials;
import io.quantumgates.common.config.RedisSettings;
import io.quantumgates.common.config.Secret;
import io.quantumgates.common.redis.RedisConnector;
import io.quantumgates.common.redis.StreamConsumer;
import io.quantumgates.common.redis.StreamConsumerSettings;
import io.quantumgates.governor.config.GovernorConfig;
import io.quantumgates.governor.policy.ApplyMode;
import io.quantumgates.governor.policy.Limits;
import io.quantumgates.testkit.RedisServer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Governor decision path on a real redis-server: the real StreamConsumer, PlanHandler and scripts, with config built
 * in code and the log lines captured. One instance per consumer name.
 */
final class Harness implements AutoCloseable {
    static final String PLANS = "quantum:stream:apply.plan";
    static final String RESULTS = "quantum:stream:apply.result";
    static final String AUDIT = "quantum:stream:governor.decisions";
    static final String SECRET = "s3cr3t-api-secret-value";

    final RedisServer server;
    final GovernorConfig config;
    final RedisConnector connector;
    final RedisCommands<String, String> redis;
    final GovernorMetrics metrics;
    final PrometheusRegistry registry = new PrometheusRegistry();
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<StreamConsumer> consumers = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender;

    Harness(RedisServer server, GovernorConfig config) {
        this.server = server;
        this.config = config;
        this.connector = new RedisConnector(new RedisSettings(server.host(), server.port(), 0, "", Secret.empty(), false));
        this.redis = connector.shared().sync();
        this.metrics = new GovernorMetrics(registry);
        appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                String level = e.getLevel() == Level.WARN ? "WARNING"
                        : e.getMarkerList() != null && !e.getMarkerList().isEmpty()
                                && e.getMarkerList().get(0).getName().equals("CRITICAL") ? "CRITICAL" : e.getLevel().toString();
                lines.add("[" + level + "] " + e.getFormattedMessage());
            }
        };
        appender.start();
        ((Logger) LoggerFactory.getLogger("governor")).addAppender(appender);
    }

    static GovernorConfig config(ApplyMode mode, Limits limits, boolean credentials, String consumer) {
        BinanceCredentials creds = credentials
                ? new BinanceCredentials(Secret.of("k3y-api-key-value"), Secret.of(SECRET))
                : new BinanceCredentials(Secret.empty(), Secret.empty());
        return new GovernorConfig(mode, limits, true, true, 5, 1000, 5000, 120, 30000, 5, consumer, 0, PLANS, RESULTS,
                "quantum:stream:governor.events", "/etc/quantum/apply-layer.env", GovernorConfig.TESTNET_URL, creds,
                new RedisSettings("127.0.0.1", 6379, 0, "", Secret.empty(), false), "text", List.of());
    }

    static Limits limits(int maxPositions) {
        Limits d = Limits.defaults();
        return new Limits(maxPositions, d.maxNotionalPerTrade(), d.maxTotalNotional(), d.symbolCooldownSeconds(),
                d.maxExecPerHour(), d.maxExecPer5min(), d.maxReduceNotionalPerDay(), d.maxReduceQtyPerDay(),
                d.killScoreCritical());
    }

    /** Starts a plans consumer (and a results consumer) under the given name, sharing this harness's metrics. */
    Harness startConsumer(String name) {
        GovernorConfig c = new GovernorConfig(config.mode(), config.limits(), config.autoDisarm(),
                config.disarmOnBurstBreach(), config.disarmOnErrorCount(), config.exchangePollMs(),
                config.exchangeMaxAgeMs(), config.reservationTtlSec(), config.claimIdleMs(), config.maxDeliveries(), name,
                0, PLANS, RESULTS, config.streamEvents(), config.applyConfigPath(), config.binanceBaseUrl(),
                config.credentials(), config.redis(), "text", List.of());
        RedisConnector own = new RedisConnector(
                new RedisSettings(server.host(), server.port(), 0, "", Secret.empty(), false));
        PlanHandler handler = new PlanHandler(c, () -> own.shared().sync(), metrics, InstantSource.system());
        StreamConsumer plans = new StreamConsumer(own, new StreamConsumerSettings(PLANS, PlanHandler.GROUP, name, "$",
                100, Duration.ofMillis(200), Duration.ofMillis(30000), Duration.ofMillis(15000), 5), handler);
        plans.ensureGroup();
        plans.start();
        StreamConsumer results = new StreamConsumer(own, new StreamConsumerSettings(RESULTS, ResultHandler.GROUP, name,
                "$", 100, Duration.ofMillis(200), Duration.ofMillis(30000), Duration.ofMillis(15000), 5),
                new ResultHandler(() -> own.shared().sync()));
        results.ensureGroup();
        results.start();
        consumers.add(plans);
        consumers.add(results);
        closeables.add(own);
        return this;
    }

    private final List<RedisConnector> closeables = new ArrayList<>();

    String publish(String... kv) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            f.put(kv[i], kv[i + 1]);
        }
        return redis.xadd(PLANS, f);
    }

    /** Installs an exchange snapshot as the poller would (§3.5): positions {symbol: [amt, mark]}, extra marks. */
    void installSnapshot(Map<String, double[]> positions, Map<String, String> marks, long ageMs) {
        List<String> time = redis.time();
        long nowMs = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
        redis.del("quantum:governor:exchange:positions", "quantum:governor:exchange:marks",
                "quantum:governor:exchange:open");
        double total = 0;
        Map<String, String> rows = new HashMap<>();
        Map<String, String> allMarks = new HashMap<>(marks);
        for (Map.Entry<String, double[]> e : positions.entrySet()) {
            double amt = e.getValue()[0];
            double mark = e.getValue()[1];
            double notional = Math.abs(amt * mark);
            total += notional;
            rows.put(e.getKey(), "{\"amt\": \"" + amt + "\", \"notional\": \"" + notional + "\", \"mark\": \"" + mark + "\"}");
            allMarks.put(e.getKey(), Double.toString(mark));
        }
        if (!rows.isEmpty()) {
            redis.hset("quantum:governor:exchange:positions", rows);
            // the install script's set of open symbols (amt != 0), which the decide script counts with
            String[] open = positions.entrySet().stream().filter(e -> e.getValue()[0] != 0).map(Map.Entry::getKey)
                    .toArray(String[]::new);
            if (open.length > 0) {
                redis.sadd("quantum:governor:exchange:open", open);
            }
        }
        if (!allMarks.isEmpty()) {
            redis.hset("quantum:governor:exchange:marks", allMarks);
        }
        // and its recount of the reserved symbols outside the open set
        long unopened = redis.hkeys("quantum:governor:reservations:symbols").stream()
                .filter(sym -> !redis.sismember("quantum:governor:exchange:open", sym)).count();
        redis.set("quantum:governor:reservations:unopened", Long.toString(unopened));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("installed_at_ms", Long.toString(nowMs - ageMs));
        meta.put("fetch_ms", "0");
        meta.put("status", "ok");
        meta.put("last_error", "");
        meta.put("positions_open", Integer.toString(positions.size()));
        meta.put("total_notional", new java.math.BigDecimal(total).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
        redis.hset("quantum:governor:exchange:meta", meta);
    }

    Map<String, String> awaitAudit(String planId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> audit(planId), a -> a != null);
    }

    Map<String, String> audit(String planId) {
        for (StreamMessage<String, String> m : redis.xrange(AUDIT, io.lettuce.core.Range.create("-", "+"))) {
            if (planId.equals(m.getBody().get("plan_id"))) {
                return m.getBody();
            }
        }
        return null;
    }

    List<Map<String, String>> audits() {
        return redis.xrange(AUDIT, io.lettuce.core.Range.create("-", "+")).stream().map(StreamMessage::getBody).toList();
    }

    /** Waits until every entry published so far is acked by the group. */
    void awaitAllAcked() {
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.xpending(PLANS, PlanHandler.GROUP).getCount() == 0
                && redis.xinfoGroups(PLANS).stream().allMatch(g -> lag(g) == 0));
    }

    private static long lag(Object group) {
        List<?> flat = (List<?>) group;
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            if ("lag".equals(String.valueOf(flat.get(i)))) {
                Object v = flat.get(i + 1);
                return v == null ? 0 : ((Number) v).longValue();
            }
        }
        return 0;
    }

    List<String> linesFor(String pid8OrSymbol) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.contains(pid8OrSymbol)).toList();
        }
    }

    /** A gauge's value for the labels, empty when the gauge has no such data point yet. */
    java.util.OptionalDouble gauge(String name, String... labels) {
        return points(name, labels).mapToDouble(dp ->
                ((io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot) dp).getValue()).findFirst();
    }

    double counter(String name, String... labels) {
        return points(name, labels).mapToDouble(dp ->
                ((io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot) dp).getValue()).sum();
    }

    private java.util.stream.Stream<? extends io.prometheus.metrics.model.snapshots.DataPointSnapshot> points(
            String name, String... labels) {
        return registry.scrape().stream()
                .filter(s -> s.getMetadata().getPrometheusName().equals(name) || s.getMetadata().getName().equals(name))
                .findFirst().stream()
                .flatMap(s -> s.getDataPoints().stream())
                .filter(dp -> {
                    for (int i = 0; i + 1 < labels.length; i += 2) {
                        if (!labels[i + 1].equals(dp.getLabels().get(labels[i]))) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    @Override
    public void close() {
        consumers.forEach(c -> c.stop(Duration.ofSeconds(2)));
        closeables.forEach(RedisConnector::close);
        ((Logger) LoggerFactory.getLogger("governor")).detachAppender(appender);
        connector.close();
    }
}
