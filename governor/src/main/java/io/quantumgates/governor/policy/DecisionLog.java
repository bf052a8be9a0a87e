package io.quantumgates.governor.policy;

import io.quantumgates.governor.GovernorKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The §3.10 lines for one plan, in order, from the plan and what the atomic step wrote; pure. */
public final class DecisionLog {
    private DecisionLog() {}

    /** Step 2, printed for every plan with a usable plan_id. */
    public static LogLine evaluating(Plan p, ApplyMode mode) {
        return LogLine.info(p.symbol() + ": Evaluating plan " + p.pid8() + " (action=" + p.action() + ", decision="
                + p.decision() + ", kill_score=" + p.killScoreShown() + ", mode=" + mode.code() + ")");
    }

    public static LogLine missingPlanId(String streamId) {
        return LogLine.warning("Message " + streamId + ": Missing plan_id field");
    }

    public static LogLine deadLettered(String streamId, BlockReason reason) {
        return LogLine.warning("DLQ: entry " + streamId + " -> " + GovernorKeys.DLQ + " (" + reason.code() + ")");
    }

    public static LogLine evaluationError(String planId, String error) {
        return new LogLine(LogLine.Level.ERROR, "Error evaluating plan " + planId + ": " + error);
    }

    /**
     * Lines after the atomic step.
     *
     * @param invalid for an {@code invalid_plan} block: {@code field: problem}; empty otherwise
     */
    public static List<LogLine> after(Plan p, ApplyMode mode, Limits caps, Evaluation ev, String invalid) {
        List<LogLine> out = new ArrayList<>();
        String sym = p.symbol();
        Decision d = ev.decision(p.planClass());
        if (d instanceof Decision.Duplicate dup) {
            out.add(LogLine.info("Plan " + p.pid8() + " already decided (" + dup.priorOutcome() + ") - ignoring entry "
                    + p.streamId()));
            return out;
        }
        out.add(LogLine.info(sym + ": " + mode.modeLine() + p.pid8()));
        BlockReason reason = ev.reason().orElse(null);
        if (reason == BlockReason.INVALID_PLAN) {
            out.add(LogLine.warning(sym + ": Invalid plan " + p.pid8() + " - " + invalid));
        } else if (reason == BlockReason.EVALUATION_ERROR) {
            // the ERROR line was printed when the exception was caught
        } else if (reason == BlockReason.KILL_SWITCH_ACTIVE) {
            out.add(LogLine.warning(sym + ": KILL-SWITCH ACTIVE - blocking all execution"));
        } else if (p.planClass() == PlanClass.CLOSE) {
            out.add(LogLine.info(sym + ": CLOSE action (" + p.action() + ") - bypassing fund caps"
                    + p.classification().basis().logSuffix()));
        } else {
            out.add(LogLine.info(sym + ": OPEN action (" + p.action() + ") - applying fund caps"));
            gates(out, p, mode, caps, ev, reason);
        }
        if (d instanceof Decision.Block b) {
            out.add(LogLine.warning(sym + ": BLOCKED plan " + p.pid8() + " - " + b.reason().code()
                    + (b.detail().isEmpty() ? "" : " (" + b.detail() + ")")));
        } else if (d instanceof Decision.WouldBlock w) {
            out.add(LogLine.warning(sym + ": DRY-RUN would BLOCK plan " + p.pid8() + " - " + w.reason().code()));
            out.add(allow(p, w.qty(), w.notional()));
        } else if (d instanceof Decision.Allow a) {
            out.add(allow(p, a.qty(), a.notional()));
        }
        return out;
    }

    private static LogLine allow(Plan p, double qty, double notional) {
        return LogLine.info(p.symbol() + ": ALLOW plan " + p.pid8() + " (permit issued: qty=" + Fmt.fixed(qty, 4)
                + ", notional=$" + Fmt.money(notional) + ") - ALLOWED " + p.planClass().name());
    }

    private static void gates(List<LogLine> out, Plan p, ApplyMode mode, Limits caps, Evaluation ev, BlockReason r) {
        String sym = p.symbol();
        if (r == BlockReason.AUTO_DISARMED) {
            out.add(LogLine.warning(sym + ": AUTO-DISARMED - blocking OPEN (" + ev.detail() + ")"));
            return;
        }
        if (r == BlockReason.BURST_LIMIT_EXCEEDED) {
            String disarm = ev.text("disarm").orElse("");
            if (disarm.equals("triggered")) {
                out.add(LogLine.critical("AUTO-DISARM TRIGGERED: burst_limit_breach"));
                out.add(LogLine.info("Context: " + ev.text("disarm_context").orElse("{}")));
                out.add(LogLine.critical("AUTO-DISARM COMPLETE - OPEN plans blocked (auto_disarmed) until rearm"));
            } else if (disarm.equals("already")) {
                out.add(LogLine.info("Disarm already active (" + ev.text("latch_reason").orElse("unknown")
                        + "), skipping"));
            }
            return;
        }
        if (r == BlockReason.SYMBOL_COOLDOWN) {
            out.add(LogLine.warning(sym + ": Cooldown active - " + ev.text("remaining_s").orElse("?") + "s remaining"));
            return;
        }
        if (r == BlockReason.EXCHANGE_CREDENTIALS_MISSING || r == BlockReason.EXCHANGE_STATE_UNAVAILABLE) {
            out.add(LogLine.warning(sym + ": Exchange state unavailable - " + ev.detail()));
            return;
        }
        OptionalDouble projected = ev.number("projected_positions");
        if (projected.isPresent()) {
            String pos = (long) projected.getAsDouble() + "/" + caps.maxOpenPositions();
            if (r == BlockReason.MAX_POSITIONS_REACHED) {
                out.add(LogLine.warning(sym + ": Max positions reached (" + pos + ")"));
                return;
            }
            out.add(LogLine.info("Portfolio: " + pos + " positions open"));
        }
        OptionalDouble notional = ev.number("notional");
        if (notional.isEmpty()) {
            return;
        }
        double n = notional.getAsDouble();
        if (mode == ApplyMode.PRODUCTION) {
            out.add(LogLine.info(sym + ": Computed qty=" + Fmt.fixed(ev.number("qty").orElse(0), 4) + ", notional=$"
                    + Fmt.money(n)));
        }
        if (r == BlockReason.NOTIONAL_PER_TRADE_EXCEEDED) {
            out.add(LogLine.warning(sym + ": Notional $" + Fmt.money(n) + " exceeds $" + caps.perTradeShown() + " limit"));
            return;
        }
        out.add(LogLine.info(sym + ": Notional $" + Fmt.money(n) + " OK (limit $" + caps.perTradeShown() + ")"));
        OptionalDouble total = ev.number("projected_total");
        if (total.isEmpty()) {
            return;
        }
        String t = Fmt.money(total.getAsDouble());
        if (r == BlockReason.TOTAL_NOTIONAL_EXCEEDED) {
            out.add(LogLine.warning("Portfolio notional $" + t + " >= $" + caps.totalShown() + " (open $"
                    + Fmt.money(ev.number("open_total").orElse(0)) + " + reserved $"
                    + Fmt.money(ev.number("reserved").orElse(0)) + " + trade $" + Fmt.money(n) + ")"));
            return;
        }
        out.add(LogLine.info("Portfolio notional: $" + t + "/" + caps.totalShown() + " USDT"));
        if (r == BlockReason.DAILY_LIMIT_EXCEEDED) {
            out.add(LogLine.warning(sym + ": Daily notional limit exceeded (" + Fmt.money(ev.number("day_total").orElse(0))
                    + " > " + caps.dailyShown() + ")"));
        }
    }
}
