package io.quantumgates.governor.daemon;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.quantumgates.common.redis.RedisConnector;
import io.quantumgates.governor.config.GovernorConfig;

/**
 * WIRING POINT for {@code io.quantumgates.governor.exchange.ExchangePoller} (built by the exchange work). Until it is
 * merged this starts nothing, and the snapshot keys of §3.5 are written by whoever installs them (tests write them
 * directly). Replace the body with: construct the poller from config, connector and registry, start it, return it.
 */
final class ExchangeWiring {
    private ExchangeWiring() {}

    static AutoCloseable start(GovernorConfig config, RedisConnector connector, PrometheusRegistry registry) {
        return () -> {};
    }
}
