package io.quantumgates.governor.daemon;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.quantumgates.common.config.ConfigException;
import io.quantumgates.common.config.Env;
import io.quantumgates.common.logging.LogMarkers;
import io.quantumgates.common.metrics.HealthCheck;
import io.quantumgates.common.metrics.MetricsServer;
import io.quantumgates.common.redis.RedisConnector;
import io.quantumgates.common.redis.StreamConsumer;
import io.quantumgates.common.redis.StreamConsumerSettings;
import io.quantumgates.governor.config.GovernorConfig;
import io.quantumgates.governor.policy.ApplyMode;
import io.quantumgates.governor.policy.Limits;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Governor daemon: start-up in the contract's order (§2.4, §3.10), two consumers (plans, results), background
 * refresh, and a clean stop. Environment and clock are injected so tests can run it in-JVM.
 */
public final class GovernorDaemon {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FATAL = 1;
    public static final int EXIT_CONFIG = 2;
    private static final Logger log = LoggerFactory.getLogger("governor");
    private static final Duration HEALTH_WINDOW = Duration.ofSeconds(10);

    private final Map<String, String> env;
    private final InstantSource clock;
    private final String version;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean started;

    public GovernorDaemon(Map<String, String> env, InstantSource clock, String version) {
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.version = version;
    }

    /** Runs until {@link #requestStop()}; returns the process exit code. */
    public int run() {
        try {
            return runUntilStopped();
        } finally {
            stopped.countDown();
        }
    }

    public void requestStop() {
        stopRequested.countDown();
    }

    /** Whether start-up got past configuration (a shutdown hook then has something to drain). */
    public boolean started() {
        return started;
    }

    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private int runUntilStopped() {
        GovernorConfig config;
        try {
            config = GovernorConfig.from(new Env(env));
        } catch (ConfigException e) {
            log.error(e.getMessage());
            return EXIT_CONFIG;
        }
        started = true;
        log.info("=== P3.2 GOVERNOR STARTING ===");
        config.warnings().forEach(log::warn);
        PrometheusRegistry registry = new PrometheusRegistry();
        GovernorMetrics metrics = new GovernorMetrics(registry);
        log.info("Metrics port: {}", config.metricsPort());
        RedisConnector connector = null;
        Optional<MetricsServer> metricsServer = Optional.empty();
        ScheduledExecutorService background = null;
        StreamConsumer plans = null;
        StreamConsumer results = null;
        AutoCloseable exchange = () -> {};
        try {
            connector = new RedisConnector(config.redis());
            RedisConnector c = connector;
            java.util.function.Supplier<RedisCommands<String, String>> redis = () -> c.shared().sync();
            StateRefresher refresher = new StateRefresher(config, redis, metrics, clock, version);
            StreamConsumer[] plansRef = new StreamConsumer[1];
            HealthCheck health = () -> health(plansRef[0], refresher);
            if (config.metricsPort() > 0) {
                metricsServer = MetricsServer.start(config.metricsPort(), registry, health);
                if (metricsServer.isPresent()) {
                    log.info("Metrics server started on port {}", config.metricsPort());
                }
            }
            startupLines(config);
            if (!connector.awaitAvailable() || stopRequested.getCount() == 0) {
                return EXIT_OK;
            }
            log.info("Governor starting main loop (event-driven mode)");
            PlanHandler planHandler = new PlanHandler(config, redis, metrics, clock);
            plans = new StreamConsumer(connector, settings(config, config.streamPlans(), PlanHandler.GROUP), planHandler);
            plansRef[0] = plans;
            results = new StreamConsumer(connector, settings(config, config.streamResults(), ResultHandler.GROUP),
                    new ResultHandler(redis));
            boolean created = ensureGroup(plans, connector);
            log.info("Consumer group: {} on {}", PlanHandler.GROUP, config.streamPlans());
            if (created) {
                log.info("Consumer group '{}' created", PlanHandler.GROUP);
            }
            ensureGroup(results, connector);
            exchange = ExchangeWiring.start(config, connector, registry, clock);
            background = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "governor-refresh");
                t.setDaemon(true);
                return t;
            });
            long[] ticks = {0};
            background.scheduleWithFixedDelay(() -> {
                try {
                    refresher.refresh();
                    if (ticks[0]++ % 5 == 0) {
                        refresher.refreshExecCounts();
                    }
                } catch (RuntimeException e) {
                    log.debug("State refresh failed: {}", e.toString());
                }
            }, 0, 2, TimeUnit.SECONDS);
            plans.start();
            results.start();
            stopRequested.await();
            return EXIT_OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_OK;
        } catch (RuntimeException e) {
            log.error("Governor failed: {}", e.toString());
            return EXIT_FATAL;
        } finally {
            // Drain: stop reading, let the batch in hand be written and acked.
            StreamConsumer resultsToStop = results;
            Thread resultsStopper = new Thread(() -> {
                if (resultsToStop != null) {
                    resultsToStop.stop(Duration.ofSeconds(4));
                }
            }, "governor-stop-results");
            resultsStopper.start();
            if (plans != null) {
                plans.stop(Duration.ofSeconds(4));
            }
            try {
                resultsStopper.join(4500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(exchange);
            if (background != null) {
                background.shutdownNow();
            }
            metricsServer.ifPresent(MetricsServer::close);
            if (connector != null) {
                connector.close();
            }
        }
    }

    private boolean ensureGroup(StreamConsumer consumer, RedisConnector connector) throws InterruptedException {
        while (true) {
            try {
                return consumer.ensureGroup();
            } catch (RedisException e) {
                if (stopRequested.await(500, TimeUnit.MILLISECONDS) || !connector.awaitAvailable()) {
                    throw new InterruptedException("stopped during start-up");
                }
            }
        }
    }

    private static StreamConsumerSettings settings(GovernorConfig config, String stream, String group) {
        Duration claimIdle = Duration.ofMillis(config.claimIdleMs());
        return new StreamConsumerSettings(stream, group, config.consumerName(), "$", 100, Duration.ofMillis(1000),
                claimIdle, claimIdle.dividedBy(2), config.maxDeliveries());
    }

    private void startupLines(GovernorConfig config) {
        if (config.credentials().present()) {
            log.info(config.mode() == ApplyMode.PRODUCTION
                    ? "Binance production client initialized" : "Binance testnet client initialized");
        } else {
            log.warn("No Binance credentials - will use fallback limits");
            log.warn("OPEN plans will be blocked (exchange_credentials_missing) until {} and {} are set",
                    config.apiKeyName(), config.apiSecretName());
        }
        Limits l = config.limits();
        log.info("Governor initialized");
        log.info("Max exec/hour: {}, Max exec/5min: {}", l.maxExecPerHour(), l.maxExecPer5min());
        log.info("Auto-disarm: {}, Kill score critical: {}", config.autoDisarm() ? "True" : "False", l.killScoreShown());
        log.info("Fund caps: {} positions, ${}/trade, ${} total", l.maxOpenPositions(), l.perTradeShown(),
                l.totalShown());
        log.info("Symbol cooldown: {}s", l.symbolCooldownSeconds());
        log.info("APPLY_MODE: {}", config.mode().code());
        log.info("Exchange: {}, poll {}ms, max age {}ms, reservation TTL {}s", config.binanceBaseUrl(),
                config.exchangePollMs(), config.exchangeMaxAgeMs(), config.reservationTtlSec());
    }

    private HealthCheck.Status health(StreamConsumer plans, StateRefresher refresher) {
        Instant now = clock.instant();
        Instant loop = plans == null ? Instant.EPOCH : plans.lastLoopAt();
        Instant redisOk = refresher.lastRedisOk();
        boolean loopOk = Duration.between(loop, now).compareTo(HEALTH_WINDOW) <= 0;
        boolean redisUp = Duration.between(redisOk, now).compareTo(HEALTH_WINDOW) <= 0;
        boolean healthy = loopOk && redisUp;
        String json = "{\"status\": \"" + (healthy ? "ok" : "unhealthy") + "\", \"consume_loop_age_ms\": "
                + (loop.equals(Instant.EPOCH) ? "null" : Duration.between(loop, now).toMillis())
                + ", \"redis\": " + redisUp + "}";
        return new HealthCheck.Status(healthy, json);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.debug("close failed: {}", e.toString());
        }
    }

    /** For the CRITICAL line tests look for. */
    static org.slf4j.Marker critical() {
        return LogMarkers.CRITICAL;
    }
}
