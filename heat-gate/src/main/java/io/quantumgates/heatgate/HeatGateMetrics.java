package io.quantumgates.heatgate;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.quantumgates.heatgate.calibration.Calibration;
import io.quantumgates.heatgate.heat.Heat;
import io.quantumgates.heatgate.heat.HeatBucket;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The contract's §4.8 metrics, named exactly. Labels only take values from closed sets. */
final class HeatGateMetrics {
    final PrometheusRegistry registry = new PrometheusRegistry();
    private final Gauge heatValue = Gauge.builder().name("p26_heat_value")
            .help("Portfolio heat of the last successful computation").register(registry);
    private final Gauge bucket = Gauge.builder().name("p26_bucket").labelNames("state")
            .help("1 for the current heat bucket, 0 for the others").register(registry);
    private final Counter downgraded = Counter.builder().name("p26_actions_downgraded_total")
            .labelNames("from_action", "to_action", "reason").help("Full closes cut to a partial").register(registry);
    private final Counter processed = Counter.builder().name("p26_proposals_processed_total")
            .help("Proposals calibrated").register(registry);
    private final Counter failures = Counter.builder().name("p26_failures_total").labelNames("reason")
            .help("Fail-closed heat computations, processing errors and invalid snapshots").register(registry);
    private final Histogram lag = Histogram.builder().name("p26_stream_lag_ms")
            .help("Now minus the proposal's entry-id time, at calibration")
            .classicUpperBounds(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000)
            .register(registry);
    private final Gauge enforceMode = Gauge.builder().name("p26_enforce_mode").help("1 in enforce mode").register(registry);
    private final Counter hashWrites = Counter.builder().name("p26_hash_writes_total")
            .help("Enforce-mode proposal hash writes").register(registry);
    private final Counter hashWriteFails = Counter.builder().name("p26_hash_write_fail_total")
            .help("Enforce-mode proposal hash writes that failed").register(registry);
    private final Counter dlq = Counter.builder().name("p26_dlq_total").labelNames("reason")
            .help("Entries dead-lettered").register(registry);
    private final Gauge failClosed = Gauge.builder().name("p26_heat_fail_closed")
            .help("1 while heat falls back to COLD").register(registry);
    private final Gauge snapshotSymbols = Gauge.builder().name("p26_snapshot_symbols")
            .help("Symbols in the portfolio view").register(registry);

    // Label lookups allocate (varargs, list key): the per-proposal ones are resolved once and kept.
    private final Map<HeatBucket, GaugeDataPoint> bucketPoints = new EnumMap<>(HeatBucket.class);
    private final Map<String, CounterDataPoint> downgradedPoints = new HashMap<>();
    private HeatBucket lastBucket;

    HeatGateMetrics(boolean enforce) {
        enforceMode.set(enforce ? 1 : 0);
        for (String reason : new String[] {"portfolio_state_missing", "invalid_equity", "heat_calculation_error",
            "processing_error", "invalid_snapshot"}) {
            failures.labelValues(reason);
        }
        processed.inc(0);
        hashWrites.inc(0);
        hashWriteFails.inc(0);
        failClosed.set(0);
        for (HeatBucket b : HeatBucket.values()) {
            GaugeDataPoint point = bucket.labelValues(b.name());
            point.set(0);
            bucketPoints.put(b, point);
        }
    }

    /** Any heat computation: bucket, fail-closed flag and symbols always; the value only when it was computed. */
    synchronized void heat(Heat heat) {
        if (heat.bucket() != lastBucket) {
            bucketPoints.forEach((b, point) -> point.set(b == heat.bucket() ? 1 : 0));
            lastBucket = heat.bucket();
        }
        failClosed.set(heat.status().failClosed() ? 1 : 0);
        snapshotSymbols.set(heat.symbols());
        if (!heat.status().failClosed()) {
            heatValue.set(heat.value().doubleValue());
        }
    }

    void calibrated(Calibration c, Heat heat, long lagMillis) {
        processed.inc();
        lag.observe(Math.max(0, lagMillis));
        if (heat.status().failClosed()) {
            failures.labelValues(heat.status().code()).inc();
        }
        if (c.downgraded()) {
            downgraded(c.originalAction().toUpperCase(Locale.ROOT), c.calibratedAction(), c.reason()).inc();
        }
    }

    /** Labels from closed sets (full-close actions, partials, reasons), so the cache stays a handful of entries. */
    private synchronized CounterDataPoint downgraded(String from, String to, String reason) {
        String key = from + '\n' + to + '\n' + reason;
        CounterDataPoint point = downgradedPoints.get(key);
        if (point == null) {
            point = downgraded.labelValues(from, to, reason);
            downgradedPoints.put(key, point);
        }
        return point;
    }

    void hashWritten() {
        hashWrites.inc();
    }

    void hashWriteFailed() {
        hashWriteFails.inc();
    }

    void deadLettered(String reason) {
        dlq.labelValues(reason).inc();
    }

    void processingError() {
        failures.labelValues("processing_error").inc();
    }

    void invalidSnapshot() {
        failures.labelValues("invalid_snapshot").inc();
    }
}
