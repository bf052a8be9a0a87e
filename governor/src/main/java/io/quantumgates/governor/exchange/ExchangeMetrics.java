package io.quantumgates.governor.exchange;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The poller's metrics (contract §3.11): {@code quantum_govern_exchange_requests_total{endpoint,status}} and
 * {@code quantum_govern_exchange_weight_used} (the last {@code X-MBX-USED-WEIGHT-1M}). Register once per registry.
 * {@code quantum_govern_exchange_snapshot_age_seconds} belongs to whoever reads the snapshot on every instance.
 */
public final class ExchangeMetrics {
    private final Counter requests;
    private final Gauge weightUsed;

    public ExchangeMetrics(PrometheusRegistry registry) {
        requests = Counter.builder()
                .name("quantum_govern_exchange_requests_total")
                .help("Binance REST requests by endpoint path and outcome")
                .labelNames("endpoint", "status")
                .register(registry);
        weightUsed = Gauge.builder()
                .name("quantum_govern_exchange_weight_used")
                .help("Last X-MBX-USED-WEIGHT-1M reported by Binance (IP-wide weight this minute)")
                .register(registry);
    }

    void requested(String endpoint, String status) {
        requests.labelValues(endpoint, status).inc();
    }

    void weightUsed(int weight) {
        weightUsed.set(weight);
    }
}
