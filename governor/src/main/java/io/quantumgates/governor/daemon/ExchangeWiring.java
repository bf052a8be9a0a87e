package io.quantumgates.governor.daemon;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.quantumgates.common.binance.BinanceClient;
import io.quantumgates.common.redis.RedisConnector;
import io.quantumgates.governor.config.GovernorConfig;
import io.quantumgates.governor.exchange.ExchangeMetrics;
import io.quantumgates.governor.exchange.ExchangePoller;
import io.quantumgates.governor.exchange.ExchangePollerSettings;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Starts the background exchange poller (lease holder calls Binance, installs the snapshot). Without credentials
 * there is nothing to poll: OPENs are blocked {@code exchange_credentials_missing} anyway, so no poller runs and the
 * exchange is never called unsigned.
 */
final class ExchangeWiring {
    private ExchangeWiring() {}

    static AutoCloseable start(GovernorConfig config, RedisConnector connector, PrometheusRegistry registry,
            InstantSource clock) {
        ExchangeMetrics metrics = new ExchangeMetrics(registry);
        if (!config.credentials().present()) {
            return () -> {};
        }
        BinanceClient client = new BinanceClient(config.binanceBaseUrl(), config.credentials(), clock,
                Duration.ofMillis(2000));
        var connection = connector.connect();
        ExchangePoller poller = new ExchangePoller(client, connection.sync(),
                new ExchangePollerSettings(config.exchangePollMs(), config.exchangeMaxAgeMs(), config.consumerName()),
                clock, metrics);
        poller.start();
        return () -> {
            poller.close();
            client.close();
            connection.close();
        };
    }
}
