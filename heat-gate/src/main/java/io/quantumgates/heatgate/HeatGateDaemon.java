package io.quantumgates.heatgate;

import io.quantumgates.common.format.PyFloat;
import io.quantumgates.common.metrics.HealthCheck;
import io.quantumgates.common.metrics.MetricsServer;
import io.quantumgates.common.redis.RedisConnector;
import io.quantumgates.common.redis.StreamConsumer;
import io.quantumgates.common.redis.StreamConsumerSettings;
import io.quantumgates.heatgate.calibration.LogLines;
import io.quantumgates.heatgate.heat.Heat;
import io.quantumgates.heatgate.heat.PortfolioView;
import io.quantumgates.heatgate.redis.CalibratedWriter;
import io.quantumgates.heatgate.redis.DeadLetterWriter;
import io.quantumgates.heatgate.redis.EquityReader;
import io.quantumgates.heatgate.redis.Keys;
import io.quantumgates.heatgate.redis.ProposalCodec;
import io.quantumgates.heatgate.redis.SnapshotFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the Heat Gate: metrics, Redis, the snapshot feed, the proposal consumer and the 60 s heat line. */
public final class HeatGateDaemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("io.quantumgates.heatgate");
    private static final String RULE = "=".repeat(80);
    static final Duration CLAIM_IDLE = Duration.ofSeconds(30);
    static final int MAX_DELIVERIES = 5;
    static final int BATCH = 100;
    static final Duration HEAT_LINE_EVERY = Duration.ofSeconds(60);
    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(10);

    private final HeatGateConfig config;
    private final InstantSource clock;
    private final HeatGateMetrics metrics;
    private Optional<MetricsServer> metricsServer = Optional.empty();
    private RedisConnector connector;
    private SnapshotFeed snapshots;
    private StreamConsumer consumer;
    private ProposalHandler handler;
    private ScheduledExecutorService heatLine;

    public HeatGateDaemon(HeatGateConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        this.metrics = new HeatGateMetrics(config.mode() == HeatGateConfig.Mode.ENFORCE);
    }

    /** Start-up of §2.4; returns once consuming, or false if interrupted while Redis was unavailable. */
    public boolean start() {
        for (String name : config.unknownNames()) {
            log.warn("Unknown variable {} (not a Heat Gate setting) - ignored", name);
        }
        metricsServer = MetricsServer.start(config.metricsPort(), metrics.registry, this::health);
        connector = new RedisConnector(config.redis());
        if (!connector.awaitAvailable()) {
            return false;
        }
        PortfolioView view = new PortfolioView(config.snapshotMaxAgeSec() * 1000L);
        var shared = connector.shared().sync();
        boolean enforce = config.mode() == HeatGateConfig.Mode.ENFORCE;
        CalibratedWriter writer = new CalibratedWriter(connector.shared(), enforce, config.outputMaxlen(),
                config.hashTtlSec());
        writer.loadScript();
        handler = new ProposalHandler(ProposalCodec.withRandomTraceIds(), view, config.thresholds(),
                new EquityReader(shared), writer,
                new DeadLetterWriter(shared, config.consumerName()), metrics, new FailClosedWarnings(), clock, enforce);
        consumer = new StreamConsumer(connector, new StreamConsumerSettings(Keys.PROPOSALS, Keys.GROUP,
                config.consumerName(), "0", BATCH, config.poll(), CLAIM_IDLE, CLAIM_IDLE.dividedBy(2), MAX_DELIVERIES),
                handler);
        if (consumer.ensureGroup()) {
            log.info("✅ Created consumer group: {}", Keys.GROUP);
        } else {
            log.info("✅ Consumer group exists: {}", Keys.GROUP);
        }
        banner();
        metricsServer.ifPresent(s -> log.info("✅ Metrics server started on :{}", s.port()));
        snapshots = new SnapshotFeed(connector::connect, view, config.snapshotMaxAgeSec() * 1000L, clock,
                metrics::invalidSnapshot);
        snapshots.backfill();
        snapshots.start();
        log.info("🚀 Portfolio Heat Gate started");
        Heat initial = handler.freshHeat(clock.millis());
        handler.reportHeat(initial, clock.millis());
        log.info(LogLines.initialPortfolioHeat(initial));
        consumer.start();
        heatLine = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p26-heat-line");
            t.setDaemon(true);
            return t;
        });
        long every = HEAT_LINE_EVERY.toMillis();
        heatLine.scheduleAtFixedRate(this::heatLine, every, every, TimeUnit.MILLISECONDS);
        return true;
    }

    private void banner() {
        var r = config.redis();
        var t = config.thresholds();
        log.info(RULE);
        log.info("P2.6 Portfolio Heat Gate - Hedge Fund OS");
        log.info(RULE);
        log.info("Redis: {}/{}", r.hostPort(), r.db());
        log.info("Mode: {}", config.mode());
        log.info("Heat Thresholds: COLD < {} < WARM < {} < HOT", PyFloat.format(t.min()), PyFloat.format(t.max()));
        log.info("Consumer: {} / {}", Keys.GROUP, config.consumerName());
        log.info("Input: {}", Keys.PROPOSALS);
        log.info("Output: {}", Keys.CALIBRATED);
        log.info("Metrics: :{}/metrics", config.metricsPort());
        log.info(RULE);
    }

    private void heatLine() {
        try {
            Heat heat = handler.freshHeat(clock.millis());
            handler.reportHeat(heat, clock.millis());
            log.info(LogLines.portfolioHeat(heat));
        } catch (RuntimeException e) {
            log.warn("Portfolio heat line skipped: {}", e.getMessage());
        }
    }

    private HealthCheck.Status health() {
        Instant last = consumer == null ? Instant.EPOCH : consumer.lastLoopAt();
        long ageMs = Duration.between(last, clock.instant()).toMillis();
        boolean redisOk;
        try {
            redisOk = connector != null && "PONG".equals(connector.shared().sync().ping());
        } catch (RuntimeException e) {
            redisOk = false;
        }
        boolean healthy = redisOk && ageMs <= HEALTHY_WITHIN.toMillis();
        return new HealthCheck.Status(healthy, "{\"status\": \"" + (healthy ? "ok" : "unhealthy") + "\", \"mode\": \""
                + config.mode().code() + "\", \"redis\": " + redisOk + ", \"last_loop_age_ms\": " + ageMs + "}");
    }

    /** SIGTERM: stop reading, finish the batch in hand (written and acked), close. */
    @Override
    public void close() {
        if (heatLine != null) {
            heatLine.shutdownNow();
        }
        if (consumer != null) {
            consumer.stop(Duration.ofSeconds(4));
        }
        if (snapshots != null) {
            snapshots.close();
        }
        metricsServer.ifPresent(MetricsServer::close);
        if (connector != null) {
            connector.close();
        }
    }
}
