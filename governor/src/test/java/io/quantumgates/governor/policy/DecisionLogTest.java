package io.quantumgates.governor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.common.redis.StreamEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed scenario (contract §7.1) as log lines, from what the atomic step reports. */
class DecisionLogTest {
    private final Limits caps = Limits.defaults();

    private static Plan plan(String... kv) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            f.put(kv[i], kv[i + 1]);
        }
        Decoded d = PlanCodec.decode(new StreamEntry("s", "g", "1769471881204-0", f, 1));
        return d instanceof Decoded.Valid v ? v.plan() : ((Decoded.Invalid) d).plan();
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(l -> "[" + l.level() + "] " + l.text()).toList();
    }

    @Test
    void seedCloseIsEvaluatedAndAllowed() {
        Plan p = plan("plan_id", "9f3a61c2d4b7e810", "symbol", "BTCUSDT", "action", "PARTIAL_75", "kill_score", "0.412",
                "decision", "EXECUTE");
        assertThat(DecisionLog.evaluating(p, ApplyMode.TESTNET).text()).isEqualTo(
                "BTCUSDT: Evaluating plan 9f3a61c2 (action=PARTIAL_75, decision=EXECUTE, kill_score=0.412, mode=testnet)");
        Evaluation ev = Evaluation.of("verdict", "ALLOW", "reason", "none", "detail", "", "permit_qty", "0.0",
                "permit_notional", "0.0", "kill", "inactive");
        assertThat(texts(DecisionLog.after(p, ApplyMode.TESTNET, caps, ev, ""))).containsExactly(
                "[INFO] BTCUSDT: Testnet mode - applying fund caps for plan 9f3a61c2",
                "[INFO] BTCUSDT: CLOSE action (PARTIAL_75) - bypassing fund caps",
                "[INFO] BTCUSDT: ALLOW plan 9f3a61c2 (permit issued: qty=0.0000, notional=$0.00) - ALLOWED CLOSE");
    }

    @Test
    void seedOpenOnTheSameSymbolIsBlockedByCooldown() {
        Plan p = plan("plan_id", "14c14c88e0a5b3f1", "symbol", "BTCUSDT", "side", "BUY", "qty", "0.002",
                "reduceOnly", "false", "source", "intent_bridge", "decision", "EXECUTE");
        assertThat(DecisionLog.evaluating(p, ApplyMode.TESTNET).text()).isEqualTo(
                "BTCUSDT: Evaluating plan 14c14c88 (action=UNKNOWN, decision=EXECUTE, kill_score=0.000, mode=testnet)");
        Evaluation ev = Evaluation.of("verdict", "BLOCK", "reason", "symbol_cooldown", "detail", "remaining_s=48.8",
                "remaining_s", "48.8");
        assertThat(texts(DecisionLog.after(p, ApplyMode.TESTNET, caps, ev, ""))).containsExactly(
                "[INFO] BTCUSDT: Testnet mode - applying fund caps for plan 14c14c88",
                "[INFO] BTCUSDT: OPEN action (UNKNOWN) - applying fund caps",
                "[WARNING] BTCUSDT: Cooldown active - 48.8s remaining",
                "[WARNING] BTCUSDT: BLOCKED plan 14c14c88 - symbol_cooldown (remaining_s=48.8)");
    }

    @Test
    void seedOpenOnANewSymbolIsBlockedByProjectedPositions() {
        Plan p = plan("plan_id", "73071774b2c9d0e4", "symbol", "SOLUSDT", "side", "BUY", "qty", "1.0",
                "reduceOnly", "false", "decision", "EXECUTE");
        Evaluation ev = Evaluation.of("verdict", "BLOCK", "reason", "max_positions_reached", "detail",
                "projected=23 max=10", "projected_positions", "23");
        assertThat(texts(DecisionLog.after(p, ApplyMode.TESTNET, caps, ev, ""))).containsExactly(
                "[INFO] SOLUSDT: Testnet mode - applying fund caps for plan 73071774",
                "[INFO] SOLUSDT: OPEN action (UNKNOWN) - applying fund caps",
                "[WARNING] SOLUSDT: Max positions reached (23/10)",
                "[WARNING] SOLUSDT: BLOCKED plan 73071774 - max_positions_reached (projected=23 max=10)");
    }

    @Test
    void withThirtyPositionsAllowedTheSeedOpenStopsAtTotalNotional() {
        Limits thirty = new Limits(30, caps.maxNotionalPerTrade(), caps.maxTotalNotional(), 60, 3, 2,
                caps.maxReduceNotionalPerDay(), caps.maxReduceQtyPerDay(), caps.killScoreCritical());
        Plan p = plan("plan_id", "73071774b2c9d0e4", "symbol", "SOLUSDT", "side", "BUY", "qty", "1.0",
                "decision", "EXECUTE");
        Evaluation ev = Evaluation.of("verdict", "BLOCK", "reason", "total_notional_exceeded", "detail",
                "projected=118994.14 max=2000.0", "projected_positions", "23", "qty", "1.0", "mark", "150.0",
                "notional", "150.0", "open_total", "118844.14", "reserved", "0.0", "projected_total", "118994.14");
        assertThat(texts(DecisionLog.after(p, ApplyMode.TESTNET, thirty, ev, ""))).containsExactly(
                "[INFO] SOLUSDT: Testnet mode - applying fund caps for plan 73071774",
                "[INFO] SOLUSDT: OPEN action (UNKNOWN) - applying fund caps",
                "[INFO] Portfolio: 23/30 positions open",
                "[INFO] SOLUSDT: Notional $150.00 OK (limit $200.0)",
                "[WARNING] Portfolio notional $118994.14 >= $2000.0 (open $118844.14 + reserved $0.00 + trade $150.00)",
                "[WARNING] SOLUSDT: BLOCKED plan 73071774 - total_notional_exceeded (projected=118994.14 max=2000.0)");
    }

    @Test
    void killSwitchBlocksWithoutAClassLine() {
        Plan p = plan("plan_id", "9f3a61c2d4b7e810", "symbol", "BTCUSDT", "action", "PARTIAL_75", "decision", "EXECUTE");
        Evaluation ev = Evaluation.of("verdict", "BLOCK", "reason", "kill_switch_active", "detail", "");
        assertThat(texts(DecisionLog.after(p, ApplyMode.TESTNET, caps, ev, ""))).containsExactly(
                "[INFO] BTCUSDT: Testnet mode - applying fund caps for plan 9f3a61c2",
                "[WARNING] BTCUSDT: KILL-SWITCH ACTIVE - blocking all execution",
                "[WARNING] BTCUSDT: BLOCKED plan 9f3a61c2 - kill_switch_active");
    }

    @Test
    void reduceOnlyCloseSaysWhatMadeItAClose() {
        Plan p = plan("plan_id", "abcdef0123", "symbol", "ETHUSDT", "reduceOnly", "true", "decision", "EXECUTE");
        Evaluation ev = Evaluation.of("verdict", "ALLOW", "reason", "none", "permit_qty", "0.0", "permit_notional", "0.0");
        assertThat(texts(DecisionLog.after(p, ApplyMode.TESTNET, caps, ev, ""))).contains(
                "[INFO] ETHUSDT: CLOSE action (UNKNOWN) - bypassing fund caps (reduceOnly=true)");
    }

    @Test
    void dryRunSaysItWouldBlockAndStillPermits() {
        Plan p = plan("plan_id", "dry00001", "symbol", "SOLUSDT", "qty", "1", "decision", "EXECUTE");
        Evaluation ev = Evaluation.of("verdict", "WOULD_BLOCK", "reason", "exchange_credentials_missing", "detail",
                "no_credentials", "permit_qty", "1.0", "permit_notional", "0.0");
        assertThat(texts(DecisionLog.after(p, ApplyMode.DRY_RUN, caps, ev, ""))).containsExactly(
                "[INFO] SOLUSDT: Dry-run mode - auto-approving plan dry00001",
                "[INFO] SOLUSDT: OPEN action (UNKNOWN) - applying fund caps",
                "[WARNING] SOLUSDT: Exchange state unavailable - no_credentials",
                "[WARNING] SOLUSDT: DRY-RUN would BLOCK plan dry00001 - exchange_credentials_missing",
                "[INFO] SOLUSDT: ALLOW plan dry00001 (permit issued: qty=1.0000, notional=$0.00) - ALLOWED OPEN");
    }

    @Test
    void burstBreachInProductionDisarmsAndSaysSo() {
        Plan p = plan("plan_id", "burst0001", "symbol", "SOLUSDT", "qty", "1", "decision", "EXECUTE");
        Evaluation ev = Evaluation.of("verdict", "BLOCK", "reason", "burst_limit_exceeded", "detail", "count=2 max=2",
                "disarm", "triggered", "disarm_context", "{\"symbol\": \"SOLUSDT\", \"exec_5min\": 2, \"limit\": 2}");
        assertThat(texts(DecisionLog.after(p, ApplyMode.PRODUCTION, caps, ev, ""))).containsExactly(
                "[INFO] SOLUSDT: Production mode - applying risk gates for plan burst000",
                "[INFO] SOLUSDT: OPEN action (UNKNOWN) - applying fund caps",
                "[CRITICAL] AUTO-DISARM TRIGGERED: burst_limit_breach",
                "[INFO] Context: {\"symbol\": \"SOLUSDT\", \"exec_5min\": 2, \"limit\": 2}",
                "[CRITICAL] AUTO-DISARM COMPLETE - OPEN plans blocked (auto_disarmed) until rearm",
                "[WARNING] SOLUSDT: BLOCKED plan burst000 - burst_limit_exceeded (count=2 max=2)");
    }

    @Test
    void invalidPlanNamesTheFieldAndDuplicatesAreOnlyNoted() {
        Plan p = plan("plan_id", "bad00001", "symbol", "BTCUSDT", "action", "FULL_CLOSE", "qty", "abc",
                "decision", "EXECUTE");
        Evaluation ev = Evaluation.of("verdict", "BLOCK", "reason", "invalid_plan", "detail", "qty");
        assertThat(texts(DecisionLog.after(p, ApplyMode.TESTNET, caps, ev, "qty: not a number"))).containsExactly(
                "[INFO] BTCUSDT: Testnet mode - applying fund caps for plan bad00001",
                "[WARNING] BTCUSDT: Invalid plan bad00001 - qty: not a number",
                "[WARNING] BTCUSDT: BLOCKED plan bad00001 - invalid_plan (qty)");
        Evaluation dup = Evaluation.of("verdict", "DUPLICATE", "prior", "BLOCK");
        assertThat(texts(DecisionLog.after(p, ApplyMode.TESTNET, caps, dup, ""))).containsExactly(
                "[INFO] Plan bad00001 already decided (BLOCK) - ignoring entry 1769471881204-0");
    }
}
