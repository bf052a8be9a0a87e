package io.quantumgates.governor.daemon;

import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.governor.GovernorKeys;
import io.quantumgates.governor.config.GovernorConfig;
import io.quantumgates.governor.policy.KillSwitch;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Background: the state gauges (snapshot, reservations, kill, latch), the per-symbol exec gauges every 10 s, and the
 * instance heartbeat hash {@code quantum:governor:instance:{instance}} (EXPIRE 30). Also tells {@code /healthz}
 * whether Redis answered lately.
 */
final class StateRefresher {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("governor");
    private final GovernorConfig config;
    private final Supplier<RedisCommands<String, String>> redis;
    private final GovernorMetrics metrics;
    private final InstantSource clock;
    private final String version;
    private final String startedAt;
    private volatile Instant lastRedisOk = Instant.EPOCH;

    StateRefresher(GovernorConfig config, Supplier<RedisCommands<String, String>> redis, GovernorMetrics metrics,
            InstantSource clock, String version) {
        this.config = config;
        this.redis = redis;
        this.metrics = metrics;
        this.clock = clock;
        this.version = version;
        this.startedAt = io.quantumgates.governor.policy.Fmt.epochSeconds(clock.millis());
    }

    Instant lastRedisOk() {
        return lastRedisOk;
    }

    /** One refresh; Redis errors propagate to the scheduler's catch. */
    void refresh() {
        RedisCommands<String, String> r = redis.get();
        List<io.lettuce.core.KeyValue<String, String>> meta = r.hmget(GovernorKeys.EXCHANGE_META,
                "installed_at_ms", "fetch_ms", "positions_open", "total_notional", "wallet_balance", "last_error");
        long nowMs = clock.millis();
        String ageMs = "";
        if (meta.get(0).hasValue()) {
            try {
                long age = nowMs - Long.parseLong(meta.get(0).getValue())
                        + (meta.get(1).hasValue() ? Long.parseLong(meta.get(1).getValue()) : 0);
                ageMs = Long.toString(age);
            } catch (NumberFormatException ignored) {
                // a malformed meta reads as no snapshot
            }
        }
        snapshotLines(ageMs, meta, nowMs);
        setIfNumber(metrics.positionsOpen, meta.get(2));
        setIfNumber(metrics.totalNotional, meta.get(3));
        metrics.reservations.set(r.hlen(GovernorKeys.RESERVATIONS));
        String reserved = r.get(GovernorKeys.RESERVATIONS_NOTIONAL);
        metrics.reservedNotional.set(parse(reserved));
        KillSwitch kill;
        try {
            kill = KillSwitch.parse(Optional.ofNullable(r.get(GovernorKeys.KILL)));
        } catch (io.lettuce.core.RedisCommandExecutionException wrongType) {
            kill = KillSwitch.UNREADABLE;
        }
        metrics.killSwitch.set(kill.gaugeValue());
        metrics.disarmed.set(r.exists(GovernorKeys.DISARMED) > 0 ? 1 : 0);
        lastRedisOk = clock.instant();
        String key = GovernorKeys.INSTANCE_PREFIX + config.consumerName();
        r.hset(key, Map.of(
                "mode", config.mode().code(),
                "version", version,
                "started_at", startedAt,
                "max_open_positions", Integer.toString(config.limits().maxOpenPositions()),
                "max_notional_per_trade", config.limits().perTradeShown(),
                "max_total_notional", config.limits().totalShown(),
                "symbol_cooldown_seconds", Integer.toString(config.limits().symbolCooldownSeconds()),
                "snapshot_age_ms", ageMs,
                "heartbeat_at", io.quantumgates.governor.policy.Fmt.epochSeconds(nowMs)));
        r.expire(key, 30);
    }

    private Boolean usable;
    private long lastSnapshotLineMs;

    /** First snapshot, every 60 s, loss and recovery of the exchange view (§3.10). */
    private void snapshotLines(String ageMs, List<io.lettuce.core.KeyValue<String, String>> meta, long nowMs) {
        String lastError = meta.get(5).hasValue() ? meta.get(5).getValue() : "";
        boolean now = !ageMs.isEmpty() && Long.parseLong(ageMs) <= config.exchangeMaxAgeMs();
        if (now) {
            boolean recovered = Boolean.FALSE.equals(usable) && lastSnapshotLineMs != 0;
            if (recovered) {
                log.info("Exchange state restored");
            }
            if (usable == null || !usable || nowMs - lastSnapshotLineMs >= 60_000) {
                log.info("Exchange snapshot: {} positions, notional ${}, wallet ${}",
                        meta.get(2).hasValue() ? meta.get(2).getValue() : "0",
                        io.quantumgates.governor.policy.Fmt.money(parse(meta.get(3).hasValue() ? meta.get(3).getValue() : null)),
                        io.quantumgates.governor.policy.Fmt.money(parse(meta.get(4).hasValue() ? meta.get(4).getValue() : null)));
                lastSnapshotLineMs = nowMs;
            }
        } else if (usable == null || usable) {
            String why = !lastError.isEmpty() ? "last_error=" + lastError
                    : ageMs.isEmpty() ? "no_snapshot" : "snapshot_age_ms=" + ageMs;
            if (config.credentials().present()) {
                log.warn("Exchange state unavailable: {}", why);
            }
        }
        usable = now;
    }

    /** The exec gauges of every symbol labelled so far (local clock: a gauge, not a gate). */
    void refreshExecCounts() {
        RedisCommands<String, String> r = redis.get();
        double now = clock.millis() / 1000.0;
        for (String sym : metrics.symbolsSeen()) {
            List<String> stamps = r.lrange(GovernorKeys.EXEC_PREFIX + sym, 0, 99);
            int hour = 0;
            int five = 0;
            for (String s : stamps) {
                double t = parse(s);
                if (now - t < 3600) {
                    hour++;
                }
                if (now - t < 300) {
                    five++;
                }
            }
            metrics.execCounts(sym, hour, five);
        }
    }

    private static void setIfNumber(io.prometheus.metrics.core.metrics.Gauge g, io.lettuce.core.KeyValue<String, String> kv) {
        if (kv.hasValue()) {
            g.set(parse(kv.getValue()));
        }
    }

    private static double parse(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
