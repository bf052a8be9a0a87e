package io.quantumgates.common.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Optional;

/**
 * {@code /metrics} (Prometheus text) and {@code /healthz} on one port. Port 0 means no server. An unbindable port
 * logs ERROR and returns empty: the daemon runs on.
 *
 * <p>API agreed across modules; the body is filled in by the config/metrics work.
 */
public final class MetricsServer implements AutoCloseable {
    private MetricsServer() {}

    public static Optional<MetricsServer> start(int port, PrometheusRegistry registry, HealthCheck health) {
        throw new UnsupportedOperationException("todo");
    }

    public int port() {
        throw new UnsupportedOperationException("todo");
    }

    @Override
    public void close() {}
}
