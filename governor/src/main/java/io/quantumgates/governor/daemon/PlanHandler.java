package io.quantumgates.governor.daemon;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.api.async.RedisAsyncCommands;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Decides {@code apply.plan} entries: decode (pure), one atomic script per plan, then the log lines and metrics that
 * describe what the script wrote. A Redis outage propagates (the entry stays pending and is re-read); a failure of
 * the evaluation itself becomes an {@code evaluation_error} block.
 *
 * <p>A batch's scripts are sent pipelined in {@link #beforeBatch} (Redis runs them in order, so each sees the writes of
 * the ones before it); {@link #handle} then waits for its entry's reply, so one plan costs no round trip of its own.
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
    /** The current batch's decoded entries and replies in flight, by entry id (consume thread only). */
    private final Map<String, Sent> sent = new HashMap<>();
    private boolean scriptLoaded;

    private record Sent(Decoded decoded, RedisFuture<List<Object>> reply) {}

    /** The decide script's inputs for one decoded entry. */
    private record Call(Plan plan, String qtyArg, String preblock, String predetail, String invalid) {
        static Call of(Decoded decoded) {
            if (decoded instanceof Decoded.Invalid inv) {
                return new Call(inv.plan(), "", BlockReason.INVALID_PLAN.code(), inv.field(),
                        inv.field() + ": " + inv.problem());
            }
            Decoded.Valid v = (Decoded.Valid) decoded;
            return new Call(v.plan(), v.qtyArg(), "", "", "");
        }
    }

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
    public void beforeBatch(List<StreamEntry> batch) {
        sent.clear(); // what a failed batch left behind is stale: those entries come back in a later batch
        RedisAsyncCommands<String, String> async = null;
        for (StreamEntry entry : batch) {
            Decoded decoded = PlanCodec.decode(entry);
            RedisFuture<List<Object>> reply = null;
            if (decoded instanceof Decoded.Valid || decoded instanceof Decoded.Invalid) {
                if (async == null) {
                    RedisCommands<String, String> sync = redis.get();
                    if (!scriptLoaded) {
                        DecideScript.load(sync);
                        scriptLoaded = true;
                    }
                    async = sync.getStatefulConnection().async();
                }
                Call c = Call.of(decoded);
                reply = decide.send(async, c.plan(), c.qtyArg(), c.preblock(), c.predetail());
            }
            sent.put(entry.id(), new Sent(decoded, reply));
        }
    }

    @Override
    public void handle(StreamEntry entry) {
        long started = System.nanoTime();
        metrics.lag((clock.millis() - entry.idMillis()) / 1000.0);
        Sent pre = sent.remove(entry.id());
        Decoded decoded = pre != null ? pre.decoded() : PlanCodec.decode(entry);
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
        Call c = Call.of(decoded);
        Plan p = c.plan();
        MDC.put("plan_id", p.planId());
        MDC.put("symbol", p.symbol());
        try {
            Logs.print(log, DecisionLog.evaluating(p, config.mode()));
            Evaluation ev;
            try {
                ev = pre != null && pre.reply() != null ? awaitReply(pre.reply(), c)
                        : decide.run(redis.get(), p, c.qtyArg(), c.preblock(), c.predetail());
                ev.decision(p.planClass()); // a reply we cannot read is an evaluation error too
            } catch (RedisCommandExecutionException e) {
                if (!isScriptError(e)) {
                    throw e;
                }
                ev = evaluationError(p, e);
            } catch (RuntimeException e) {
                if (e instanceof RedisException) {
                    throw e;
                }
                ev = evaluationError(p, e);
            }
            Decision d = ev.decision(p.planClass());
            MDC.put("outcome", d.outcome());
            ev.reason().ifPresent(r -> MDC.put("reason", r.code()));
            for (LogLine line : DecisionLog.after(p, config.mode(), config.limits(), ev, c.invalid())) {
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

    /** The pipelined reply; NOSCRIPT (Redis restarted or flushed its scripts) re-runs it synchronously, reloading. */
    private Evaluation awaitReply(RedisFuture<List<Object>> reply, Call c) {
        RedisCommands<String, String> sync = redis.get();
        try {
            return Evaluation.fromReply(reply.get(sync.getStatefulConnection().getTimeout().toMillis(),
                    TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RedisNoScriptException) {
                return decide.run(sync, c.plan(), c.qtyArg(), c.preblock(), c.predetail());
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new RedisException(e.getCause());
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new RedisCommandTimeoutException("decide script reply timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException("interrupted while waiting for the decide script");
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
