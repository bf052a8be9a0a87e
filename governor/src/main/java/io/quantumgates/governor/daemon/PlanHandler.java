package io.quantumgates.governor.daemon;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.redis.DeadLetterReason;
import io.quantumgates.common.redis.EntryHandler;
import io.quantumgates.common.redis.StreamEntry;
import io.quantumgates.governor.config.GovernorConfig;
import io.quantumgates.governor.policy.BlockReason;
import io.quantumgates.governor.policy.Decision;
import io.quantumgates.governor.policy.DecisionLog;
import io.quantumgates.governor.policy.Decoded;
import io.quantumgates.governor.policy.Evaluation;
import io.quantumgates.governor.policy.LogLine;
import io.quantumgates.governor.policy.Plan;
import io.quantumgates.governor.policy.PlanCodec;
import io.quantumgates.governor.policy.PyJson;
import io.quantumgates.governor.redis.DeadLetterScript;
import io.quantumgates.governor.redis.DecideScript;
import io.quantumgates.governor.redis.DisarmScript;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Decides {@code apply.plan} entries: decode (pure), one atomic script per plan, then the log lines and metrics that
 * describe what the script wrote. A Redis outage propagates (the entry stays pending and is re-read); a failure of
 * the evaluation itself becomes an {@code evaluation_error} block.
 */
final class PlanHandler implements EntryHandler {
    static final String GROUP = "governor";
    private static final Logger log = LoggerFactory.getLogger("governor");

    private final GovernorConfig config;
    private final Supplier<RedisCommands<String, String>> redis;
    private final GovernorMetrics metrics;
    private final InstantSource clock;
    private final DecideScript decide;
    private final DeadLetterScript deadLetters;
    private final DisarmScript disarm = new DisarmScript();
    private final ErrorWindow errors = new ErrorWindow(Duration.ofSeconds(300));

    PlanHandler(GovernorConfig config, Supplier<RedisCommands<String, String>> redis, GovernorMetrics metrics,
            InstantSource clock) {
        this.config = config;
        this.redis = redis;
        this.metrics = metrics;
        this.clock = clock;
        this.decide = new DecideScript(config, GROUP);
        this.deadLetters = new DeadLetterScript(config.consumerName(), config.mode().code());
    }

    @Override
    public void handle(StreamEntry entry) {
        long started = System.nanoTime();
        metrics.lag((clock.millis() - entry.idMillis()) / 1000.0);
        Decoded decoded = PlanCodec.decode(entry);
        if (decoded instanceof Decoded.DeadLetter dl) {
            if (dl.reason() == BlockReason.MISSING_PLAN_ID) {
                Logs.print(log, DecisionLog.missingPlanId(entry.id()));
            }
            writeDeadLetter(entry, dl.reason());
            return;
        }
        if (decoded instanceof Decoded.Skip skip) {
            Plan p = skip.plan();
            withMdc(p, () -> {
                Logs.print(log, DecisionLog.evaluating(p, config.mode()));
                redis.get().xack(entry.stream(), entry.group(), entry.id());
                log.debug("{}: Skipping plan {} (decision={})", p.symbol(), p.pid8(), p.decision());
            });
            metrics.skipped(skip.metricLabel());
            return;
        }
        Plan plan;
        String qtyArg = "";
        String preblock = "";
        String predetail = "";
        String invalid = "";
        if (decoded instanceof Decoded.Invalid inv) {
            plan = inv.plan();
            preblock = BlockReason.INVALID_PLAN.code();
            predetail = inv.field();
            invalid = inv.field() + ": " + inv.problem();
        } else {
            Decoded.Valid v = (Decoded.Valid) decoded;
            plan = v.plan();
            qtyArg = v.qtyArg();
        }
        Plan p = plan;
        MDC.put("plan_id", p.planId());
        MDC.put("symbol", p.symbol());
        try {
            Logs.print(log, DecisionLog.evaluating(p, config.mode()));
            Evaluation ev;
            try {
                ev = decide.run(redis.get(), p, qtyArg, preblock, predetail);
                ev.decision(p.planClass()); // a reply we cannot read is an evaluation error too
            } catch (RedisCommandExecutionException e) {
                if (!isScriptError(e)) {
                    throw e;
                }
                ev = evaluationError(p, e);
            } catch (RuntimeException e) {
                if (e instanceof io.lettuce.core.RedisException) {
                    throw e;
                }
                ev = evaluationError(p, e);
            }
            Decision d = ev.decision(p.planClass());
            MDC.put("outcome", d.outcome());
            ev.reason().ifPresent(r -> MDC.put("reason", r.code()));
            for (LogLine line : DecisionLog.after(p, config.mode(), config.limits(), ev, invalid)) {
                Logs.print(log, line);
            }
            metrics.decided(p.symbol(), p.symbolValid(), p.planClass(), d, (System.nanoTime() - started) / 1e9);
            if ("triggered".equals(ev.text("disarm").orElse(""))) {
                metrics.disarmed("burst_limit_breach");
            }
            if (ev.text("exec_hour").isPresent() && p.symbolValid()) {
                metrics.execCounts(metrics.symbol(p.symbol(), true), ev.number("exec_hour").orElse(0),
                        ev.number("exec_5min").orElse(0));
            }
        } finally {
            MDC.clear();
        }
    }

    private static boolean isScriptError(RedisCommandExecutionException e) {
        if (e instanceof RedisNoScriptException) {
            return false;
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.contains("user_script") || m.contains("Error running script") || m.contains("WRONGTYPE");
    }

    /** Writes the evaluation_error block (after the duplicate check) and counts it for the auto-disarm. */
    private Evaluation evaluationError(Plan p, Exception e) {
        Logs.print(log, DecisionLog.evaluationError(p.planId(), e.getClass().getSimpleName() + ": " + firstLine(e)));
        Evaluation ev = decide.run(redis.get(), p, "", BlockReason.EVALUATION_ERROR.code(), e.getClass().getSimpleName());
        int count = errors.record(clock.instant());
        if (config.autoDisarm() && config.mode() != io.quantumgates.governor.policy.ApplyMode.DRY_RUN
                && count >= config.disarmOnErrorCount()) {
            String context = "{\"error_count\": " + count + ", \"threshold\": " + config.disarmOnErrorCount()
                    + ", \"window_sec\": 300}";
            DisarmScript.Result r = disarm.run(redis.get(), "repeated_errors", context, config.consumerName(),
                    config.streamEvents());
            if (r.triggered()) {
                metrics.disarmed("repeated_errors");
                log.error(io.quantumgates.common.logging.LogMarkers.CRITICAL, "AUTO-DISARM TRIGGERED: repeated_errors");
                log.info("Context: {}", context);
                log.error(io.quantumgates.common.logging.LogMarkers.CRITICAL,
                        "AUTO-DISARM COMPLETE - OPEN plans blocked (auto_disarmed) until rearm");
            } else {
                log.info("Disarm already active ({}), skipping", r.reason());
            }
        }
        return ev;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int nl = m.indexOf('\n');
        return PlanCodec.shown(nl < 0 ? m : m.substring(0, nl));
    }

    @Override
    public void deadLetter(StreamEntry entry, DeadLetterReason reason) {
        writeDeadLetter(entry, reason == DeadLetterReason.ENTRY_DELETED
                ? BlockReason.ENTRY_DELETED : BlockReason.MAX_DELIVERIES_EXCEEDED);
    }

    private void writeDeadLetter(StreamEntry entry, BlockReason reason) {
        boolean written = deadLetters.run(redis.get(), entry, reason);
        if (written) {
            Logs.print(log, DecisionLog.deadLettered(entry.id(), reason));
            metrics.deadLettered(reason);
        } else {
            log.info("Plan {} already decided - ignoring entry {}",
                    PlanCodec.shown(entry.fields().getOrDefault("plan_id", "")), entry.id());
            metrics.duplicate();
        }
    }

    @Override
    public void onGroupRecreated() {
        log.error(io.quantumgates.common.logging.LogMarkers.CRITICAL,
                "Redis state lost (consumer group missing) - kill switch and disarm latch were reset");
    }

    private static void withMdc(Plan p, Runnable r) {
        MDC.put("plan_id", p.planId());
        MDC.put("symbol", p.symbol());
        try {
            r.run();
        } finally {
            MDC.clear();
        }
    }

    static String json(String s) {
        return PyJson.string(s);
    }
}
