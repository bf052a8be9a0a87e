package io.quantumgates.governor.daemon;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.quantumgates.governor.policy.BlockReason;
import io.quantumgates.governor.policy.Decision;
import io.quantumgates.governor.policy.PlanClass;

/** The §3.11 metrics the decision path owns (the exchange poller registers its own). Labels are bounded. */
final class GovernorMetrics {
    private final SymbolLabels symbols = new SymbolLabels(1000);
    private final Counter allow;
    private final Counter block;
    private final Counter disarm;
    private final Gauge execHour;
    private final Gauge exec5min;
    private final Counter decisions;
    private final Counter skip;
    private final Counter duplicate;
    private final Counter dlq;
    private final Histogram latency;
    private final Histogram lag;
    final Gauge snapshotAge;
    final Gauge positionsOpen;
    final Gauge totalNotional;
    final Gauge reservations;
    final Gauge reservedNotional;
    final Gauge killSwitch;
    final Gauge disarmed;

    GovernorMetrics(PrometheusRegistry r) {
        allow = Counter.builder().name("quantum_govern_allow_total").help("Permits issued (dry_run included)")
                .labelNames("symbol").register(r);
        block = Counter.builder().name("quantum_govern_block_total").help("Plans blocked")
                .labelNames("symbol", "reason").register(r);
        disarm = Counter.builder().name("quantum_govern_disarm_total").help("Auto-disarms triggered")
                .labelNames("reason").register(r);
        execHour = Gauge.builder().name("quantum_govern_exec_count_hour").help("Permits of the symbol in the last hour")
                .labelNames("symbol").register(r);
        exec5min = Gauge.builder().name("quantum_govern_exec_count_5min").help("Permits of the symbol in 5 minutes")
                .labelNames("symbol").register(r);
        decisions = Counter.builder().name("quantum_govern_decisions_total").help("Every outcome")
                .labelNames("class", "outcome", "reason").register(r);
        skip = Counter.builder().name("quantum_govern_skip_total").help("Plans not decided (decision != EXECUTE)")
                .labelNames("decision").register(r);
        duplicate = Counter.builder().name("quantum_govern_duplicate_total").help("Entries of plans already decided")
                .register(r);
        dlq = Counter.builder().name("quantum_govern_dlq_total").help("Dead-lettered entries").labelNames("reason")
                .register(r);
        latency = Histogram.builder().name("quantum_govern_decision_latency_seconds")
                .help("Entry read to outcome written").labelNames("class").classicOnly()
                .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
                .register(r);
        lag = Histogram.builder().name("quantum_govern_stream_lag_seconds").help("Entry id time to read")
                .classicOnly().register(r);
        snapshotAge = Gauge.builder().name("quantum_govern_exchange_snapshot_age_seconds")
                .help("Age of the installed exchange snapshot (Redis TIME - installed_at_ms + fetch_ms); +Inf when none")
                .register(r);
        positionsOpen = Gauge.builder().name("quantum_govern_positions_open").help("Open positions in the snapshot")
                .register(r);
        totalNotional = Gauge.builder().name("quantum_govern_total_notional_usdt")
                .help("Total position notional in the snapshot").register(r);
        reservations = Gauge.builder().name("quantum_govern_reservations").help("Live reservations").register(r);
        reservedNotional = Gauge.builder().name("quantum_govern_reserved_notional_usdt")
                .help("Notional of live reservations").register(r);
        killSwitch = Gauge.builder().name("quantum_govern_kill_switch").help("1 active, 0 inactive, -1 unreadable")
                .register(r);
        disarmed = Gauge.builder().name("quantum_govern_disarmed").help("1 while the auto-disarm latch is set")
                .register(r);
    }

    String symbol(String symbol, boolean valid) {
        return symbols.label(symbol, valid);
    }

    java.util.Set<String> symbolsSeen() {
        return symbols.seen();
    }

    void decided(String symbol, boolean valid, PlanClass planClass, Decision d, double seconds) {
        String sym = symbol(symbol, valid);
        String cls = planClass.name();
        if (d instanceof Decision.Duplicate) {
            duplicate.inc();
            return;
        }
        latency.labelValues(cls).observe(seconds);
        if (d instanceof Decision.Allow) {
            allow.labelValues(sym).inc();
            decisions.labelValues(cls, "ALLOW", "none").inc();
        } else if (d instanceof Decision.WouldBlock w) {
            allow.labelValues(sym).inc();
            decisions.labelValues(cls, "WOULD_BLOCK", w.reason().code()).inc();
        } else if (d instanceof Decision.Block b) {
            block.labelValues(sym, b.reason().code()).inc();
            decisions.labelValues(cls, "BLOCK", b.reason().code()).inc();
        }
    }

    void execCounts(String symbol, double hour, double fiveMin) {
        execHour.labelValues(symbol).set(hour);
        exec5min.labelValues(symbol).set(fiveMin);
    }

    void skipped(String decisionLabel) {
        skip.labelValues(decisionLabel).inc();
    }

    void duplicate() {
        duplicate.inc();
    }

    void deadLettered(BlockReason reason) {
        dlq.labelValues(reason.code()).inc();
        decisions.labelValues("none", "DLQ", reason.code()).inc();
    }

    void disarmed(String reason) {
        disarm.labelValues(reason).inc();
    }

    void lag(double seconds) {
        lag.observe(Math.max(0, seconds));
    }
}
