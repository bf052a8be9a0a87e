package io.quantumgates.governor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quantumgates.governor.policy.ApplyMode;
import io.quantumgates.testkit.RedisServerExtension;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contract §7.1: the live testnet book of the seed report, default caps. */
class SeedScenarioIT {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();
    private Harness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    /** 22 positions, BTCUSDT among them, Σ|notional| = 118,844.14; SOLUSDT not held, mark 150.00. */
    static Map<String, double[]> seedBook() {
        Map<String, double[]> book = new LinkedHashMap<>();
        book.put("BTCUSDT", new double[] {0.5, 87000.10});
        double rest = 118844.14 - 0.5 * 87000.10;
        for (int i = 0; i < 21; i++) {
            double notional = i < 20 ? Math.round(rest / 21 * 100) / 100.0 : 0;
            book.put("SYM" + i + "USDT", new double[] {1.0, notional});
        }
        double sum = book.values().stream().mapToDouble(v -> Math.abs(v[0] * v[1])).sum();
        book.put("SYM20USDT", new double[] {1.0, Math.round((118844.14 - sum) * 100) / 100.0});
        return book;
    }

    private Harness start(int maxPositions) {
        h = new Harness(redis.server(), Harness.config(ApplyMode.TESTNET, Harness.limits(maxPositions), true, "gov-seed"));
        h.startConsumer("gov-seed");
        h.installSnapshot(seedBook(), Map.of("SOLUSDT", "150.00"), 0);
        return h;
    }

    @Test
    void seedCloseIsPermittedThenOpensAreBlockedByCooldownAndProjectedPositions() {
        start(10);
        h.publish("plan_id", "9f3a61c2d4b7e810", "symbol", "BTCUSDT", "action", "PARTIAL_75", "kill_score", "0.412",
                "decision", "EXECUTE");
        Map<String, String> a = h.awaitAudit("9f3a61c2d4b7e810");
        assertThat(a).containsEntry("outcome", "ALLOW").containsEntry("class", "CLOSE").containsEntry("reason", "none")
                .containsEntry("positions_open", "22").containsEntry("total_notional", "118844.14");
        String permit = h.redis.get("quantum:permit:9f3a61c2d4b7e810");
        assertThat(permit).matches("\\{\"granted\": true, \"symbol\": \"BTCUSDT\", \"decision\": \"EXECUTE\", "
                + "\"computed_qty\": 0\\.0, \"computed_notional\": 0\\.0, \"created_at\": \\d{10}\\.\\d{3}, \"consumed\": false\\}");
        assertThat(h.redis.ttl("quantum:permit:9f3a61c2d4b7e810")).isBetween(1L, 60L);
        assertThat(h.redis.get("quantum:governor:last_exec:BTCUSDT")).matches("\\d{10}\\.\\d{3}");
        assertThat(h.redis.llen("quantum:governor:exec:BTCUSDT")).isEqualTo(1);
        assertThat(h.redis.hlen("quantum:governor:reservations")).isZero();
        assertThat(h.linesFor("9f3a61c2")).containsExactly(
                "[INFO] BTCUSDT: Evaluating plan 9f3a61c2 (action=PARTIAL_75, decision=EXECUTE, kill_score=0.412, mode=testnet)",
                "[INFO] BTCUSDT: Testnet mode - applying fund caps for plan 9f3a61c2",
                "[INFO] BTCUSDT: ALLOW plan 9f3a61c2 (permit issued: qty=0.0000, notional=$0.00) - ALLOWED CLOSE");
        assertThat(h.lines).contains("[INFO] BTCUSDT: CLOSE action (PARTIAL_75) - bypassing fund caps");

        h.publish("plan_id", "14c14c88e0a5b3f1", "symbol", "BTCUSDT", "side", "BUY", "qty", "0.002",
                "reduceOnly", "false", "source", "intent_bridge", "decision", "EXECUTE");
        Map<String, String> b = h.awaitAudit("14c14c88e0a5b3f1");
        assertThat(b).containsEntry("outcome", "BLOCK").containsEntry("class", "OPEN")
                .containsEntry("reason", "symbol_cooldown");
        assertThat(b.get("detail")).matches("remaining_s=\\d+\\.\\d");
        assertThat(h.redis.get("quantum:governor:block:14c14c88e0a5b3f1")).matches(
                "\\{\"reason\": \"symbol_cooldown\", \"timestamp\": \\d{10}\\.\\d{3}, \"symbol\": \"BTCUSDT\", "
                        + "\"detail\": \"remaining_s=\\d+\\.\\d\"\\}");
        assertThat(h.redis.exists("quantum:permit:14c14c88e0a5b3f1")).isZero();
        assertThat(h.linesFor("14c14c88")).hasSize(3);
        assertThat(h.lines).anyMatch(l -> l.matches("\\[WARNING\\] BTCUSDT: Cooldown active - \\d+\\.\\ds remaining"));

        h.publish("plan_id", "73071774b2c9d0e4", "symbol", "SOLUSDT", "side", "BUY", "qty", "1.0",
                "reduceOnly", "false", "decision", "EXECUTE");
        Map<String, String> c = h.awaitAudit("73071774b2c9d0e4");
        assertThat(c).containsEntry("outcome", "BLOCK").containsEntry("reason", "max_positions_reached")
                .containsEntry("detail", "projected=23 max=10").containsEntry("positions_open", "22")
                .containsEntry("class", "OPEN").containsEntry("qty", "1.0").containsEntry("mark", "150.0")
                .containsEntry("notional", "150.0");
        assertThat(h.redis.get("quantum:governor:block:73071774b2c9d0e4")).matches(
                "\\{\"reason\": \"max_positions_reached\", \"timestamp\": \\d{10}\\.\\d{3}, \"symbol\": \"SOLUSDT\", "
                        + "\"detail\": \"projected=23 max=10\"\\}");
        assertThat(h.linesFor("SOLUSDT")).containsExactly(
                "[INFO] SOLUSDT: Evaluating plan 73071774 (action=UNKNOWN, decision=EXECUTE, kill_score=0.000, mode=testnet)",
                "[INFO] SOLUSDT: Testnet mode - applying fund caps for plan 73071774",
                "[INFO] SOLUSDT: OPEN action (UNKNOWN) - applying fund caps",
                "[WARNING] SOLUSDT: Max positions reached (23/10)",
                "[WARNING] SOLUSDT: BLOCKED plan 73071774 - max_positions_reached (projected=23 max=10)");
    }

    @Test
    void withThirtyPositionsAllowedTheSeedOpenStopsAtProjectedTotalNotional() {
        start(30);
        h.publish("plan_id", "73071774b2c9d0e4", "symbol", "SOLUSDT", "side", "BUY", "qty", "1.0",
                "reduceOnly", "false", "decision", "EXECUTE");
        Map<String, String> c = h.awaitAudit("73071774b2c9d0e4");
        assertThat(c).containsEntry("reason", "total_notional_exceeded")
                .containsEntry("detail", "projected=118994.14 max=2000.0").containsEntry("mark", "150.0")
                .containsEntry("notional", "150.0");
        assertThat(h.linesFor("SOLUSDT")).contains(
                "[INFO] SOLUSDT: Notional $150.00 OK (limit $200.0)",
                "[WARNING] SOLUSDT: BLOCKED plan 73071774 - total_notional_exceeded (projected=118994.14 max=2000.0)");
        assertThat(h.lines).contains(
                "[INFO] Portfolio: 23/30 positions open",
                "[WARNING] Portfolio notional $118994.14 >= $2000.0 (open $118844.14 + reserved $0.00 + trade $150.00)");
    }

    @Test
    void killSwitchBlocksCloseAndOpenAndOffResumes() {
        start(30);
        h.redis.set("quantum:kill", "1");
        h.publish("plan_id", "9f3a61c2d4b7e810", "symbol", "BTCUSDT", "action", "PARTIAL_75", "decision", "EXECUTE");
        h.publish("plan_id", "kill-open-1", "symbol", "ETHUSDT", "qty", "0.01", "decision", "EXECUTE");
        assertThat(h.awaitAudit("9f3a61c2d4b7e810")).containsEntry("reason", "kill_switch_active");
        assertThat(h.awaitAudit("kill-open-1")).containsEntry("reason", "kill_switch_active");
        assertThat(h.lines).contains("[WARNING] BTCUSDT: BLOCKED plan 9f3a61c2 - kill_switch_active");
        h.redis.set("quantum:kill", " Off ");
        h.publish("plan_id", "after-kill-close", "symbol", "BTCUSDT", "action", "FULL_CLOSE", "decision", "EXECUTE");
        assertThat(h.awaitAudit("after-kill-close")).containsEntry("outcome", "ALLOW");
    }

    @Test
    void unreadableKillKeyBlocksOpensButNotCloses() {
        start(30);
        h.redis.set("quantum:kill", "maybe");
        h.publish("plan_id", "unreadable-open", "symbol", "ETHUSDT", "qty", "0.01", "decision", "EXECUTE");
        h.publish("plan_id", "unreadable-close", "symbol", "BTCUSDT", "action", "MANUAL_CLOSE", "decision", "EXECUTE");
        assertThat(h.awaitAudit("unreadable-open")).containsEntry("reason", "kill_switch_unreadable")
                .containsEntry("detail", "value=maybe");
        assertThat(h.awaitAudit("unreadable-close")).containsEntry("outcome", "ALLOW");
    }

    @Test
    void samePlanIdTwiceGetsOneDecision() {
        start(10);
        h.publish("plan_id", "twice-0001", "symbol", "BTCUSDT", "action", "PARTIAL_50", "decision", "EXECUTE");
        h.publish("plan_id", "twice-0001", "symbol", "BTCUSDT", "action", "PARTIAL_50", "decision", "EXECUTE");
        h.awaitAllAcked();
        await().atMost(Duration.ofSeconds(5)).until(() -> h.lines.stream().anyMatch(l -> l.contains("already decided")));
        assertThat(h.audits().stream().filter(a -> a.get("plan_id").equals("twice-0001"))).hasSize(1);
        assertThat(h.lines).contains("[INFO] Plan twice-00 already decided (ALLOW) - ignoring entry "
                + h.lines.stream().filter(l -> l.contains("already decided")).findFirst().orElseThrow()
                        .replaceAll(".* - ignoring entry ", ""));
    }

    @Test
    void nonExecuteDecisionsGetNoRecordAndCountAsSkips() {
        start(10);
        h.publish("plan_id", "skip-0001", "symbol", "BTCUSDT", "action", "PARTIAL_50", "decision", "SKIP");
        h.publish("plan_id", "skip-0002", "symbol", "BTCUSDT", "decision", "BLOCKED");
        h.awaitAllAcked();
        assertThat(h.redis.exists("quantum:permit:skip-0001", "quantum:governor:block:skip-0001",
                "quantum:governor:decided:skip-0001")).isZero();
        assertThat(h.audits()).isEmpty();
        assertThat(h.counter("quantum_govern_skip", "decision", "SKIP")).isEqualTo(1.0);
        assertThat(h.counter("quantum_govern_skip", "decision", "BLOCKED")).isEqualTo(1.0);
        assertThat(h.lines).contains(
                "[INFO] BTCUSDT: Evaluating plan skip-000 (action=PARTIAL_50, decision=SKIP, kill_score=0.000, mode=testnet)");
    }

    @Test
    void reduceOnlyWithoutActionIsPermittedAsAClose() {
        start(10);
        h.publish("plan_id", "reduce-only-1", "symbol", "ETHUSDT", "side", "SELL", "qty", "0.5", "reduceOnly", "true",
                "decision", "EXECUTE");
        assertThat(h.awaitAudit("reduce-only-1")).containsEntry("outcome", "ALLOW").containsEntry("class", "CLOSE");
        assertThat(h.lines).contains("[INFO] ETHUSDT: CLOSE action (UNKNOWN) - bypassing fund caps (reduceOnly=true)");
        assertThat(h.redis.get("quantum:permit:reduce-only-1")).contains("\"computed_qty\": 0.5");
    }

    static List<String> unused() {
        return List.of();
    }
}
