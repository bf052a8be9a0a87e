package io.quantumgates.governor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quantumgates.governor.policy.ApplyMode;
import io.quantumgates.governor.policy.Limits;
import io.quantumgates.testkit.RedisServerExtension;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OPEN gates, fail-closed exchange state, modes and bad input, on a real redis-server. */
class GatesIT {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();
    private Harness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private Harness start(ApplyMode mode, Limits limits, boolean credentials) {
        h = new Harness(redis.server(), Harness.config(mode, limits, credentials, "gov-gates"));
        h.startConsumer("gov-gates");
        return h;
    }

    private static Map<String, double[]> book(Object... symAmtMark) {
        Map<String, double[]> b = new LinkedHashMap<>();
        for (int i = 0; i + 2 < symAmtMark.length + 1; i += 3) {
            b.put((String) symAmtMark[i], new double[] {(Double) symAmtMark[i + 1], (Double) symAmtMark[i + 2]});
        }
        return b;
    }

    @Test
    void perTradeCapPermitsUpTo200AndBlocksAbove() {
        start(ApplyMode.TESTNET, Limits.defaults(), true);
        h.installSnapshot(Map.of(), Map.of("ETHUSDT", "2000", "SOLUSDT", "150"), 0);
        h.publish("plan_id", "trade-200", "symbol", "ETHUSDT", "side", "BUY", "qty", "0.1", "decision", "EXECUTE");
        h.publish("plan_id", "trade-250", "symbol", "SOLUSDT", "side", "BUY", "qty", "1.6666667", "decision", "EXECUTE");
        assertThat(h.awaitAudit("trade-200")).containsEntry("outcome", "ALLOW").containsEntry("notional", "200.0");
        assertThat(h.redis.get("quantum:permit:trade-200"))
                .contains("\"computed_qty\": 0.1, \"computed_notional\": 200.0, ");
        assertThat(h.awaitAudit("trade-250")).containsEntry("reason", "notional_per_trade_exceeded")
                .containsEntry("detail", "notional=250.00 max=200.0");
        assertThat(h.lines).contains("[WARNING] SOLUSDT: Notional $250.00 exceeds $200.0 limit",
                "[INFO] ETHUSDT: ALLOW plan trade-20 (permit issued: qty=0.1000, notional=$200.00) - ALLOWED OPEN");
        String reservation = h.redis.hget("quantum:governor:reservations", "trade-200");
        assertThat(reservation).matches("\\{\"plan_id\": \"trade-200\", \"symbol\": \"ETHUSDT\", \"qty\": 0\\.1, "
                + "\"notional\": 200\\.0, \"new_position\": true, \"created_at\": \\d{10}\\.\\d{3}, "
                + "\"expires_at_ms\": \\d{13}, \"filled_at_ms\": 0, \"instance\": \"gov-gates\"\\}");
        assertThat(h.redis.get("quantum:governor:reservations:notional")).isEqualTo("200");
        assertThat(h.redis.hget("quantum:governor:reservations:symbols", "ETHUSDT")).isEqualTo("trade-200");
    }

    @Test
    void execCountGaugesCountThePermitsOfTheLastHourAndFiveMinutesAfterEachPermit() {
        start(ApplyMode.TESTNET, Limits.defaults(), true);
        List<String> time = h.redis.time();
        long nowS = Long.parseLong(time.get(0));
        // older stamps as earlier permits left them (newest first): one 2 h ago, one 20 min ago
        h.redis.lpush("quantum:governor:exec:BNBUSDT", (nowS - 7200) + ".000", (nowS - 1200) + ".000");
        h.publish("plan_id", "gauge-1", "symbol", "BNBUSDT", "action", "FULL_CLOSE", "decision", "EXECUTE");
        h.awaitAudit("gauge-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> h.gauge("quantum_govern_exec_count_hour", "symbol", "BNBUSDT")
                .orElse(-1) == 2);
        assertThat(h.gauge("quantum_govern_exec_count_5min", "symbol", "BNBUSDT")).hasValue(1);

        h.publish("plan_id", "gauge-2", "symbol", "BNBUSDT", "action", "FULL_CLOSE", "decision", "EXECUTE");
        h.publish("plan_id", "gauge-3", "symbol", "BNBUSDT", "action", "FULL_CLOSE", "decision", "EXECUTE");
        h.awaitAudit("gauge-3");
        await().atMost(Duration.ofSeconds(5)).until(() -> h.gauge("quantum_govern_exec_count_hour", "symbol", "BNBUSDT")
                .orElse(-1) == 4);
        assertThat(h.gauge("quantum_govern_exec_count_5min", "symbol", "BNBUSDT")).hasValue(3);
    }

    @Test
    void projectedPositionsCountOpenAndReservedSymbolsOnceAndAReleaseHandsTheSymbolOver() {
        Limits d = Limits.defaults();
        Limits limits = new Limits(3, d.maxNotionalPerTrade(), new java.math.BigDecimal("100000"), 0, 3, 2,
                d.maxReduceNotionalPerDay(), d.maxReduceQtyPerDay(), d.killScoreCritical());
        start(ApplyMode.TESTNET, limits, true);
        h.installSnapshot(book("BTCUSDT", 0.001, 95000.0),
                Map.of("SOLUSDT", "150", "ADAUSDT", "1", "XRPUSDT", "2"), 0);
        h.publish("plan_id", "pos-btc", "symbol", "BTCUSDT", "side", "BUY", "qty", "0.001", "decision", "EXECUTE");
        h.publish("plan_id", "pos-sol-1", "symbol", "SOLUSDT", "side", "BUY", "qty", "1", "decision", "EXECUTE");
        h.publish("plan_id", "pos-sol-2", "symbol", "SOLUSDT", "side", "BUY", "qty", "1", "decision", "EXECUTE");
        h.publish("plan_id", "pos-ada", "symbol", "ADAUSDT", "side", "BUY", "qty", "10", "decision", "EXECUTE");
        h.publish("plan_id", "pos-xrp", "symbol", "XRPUSDT", "side", "BUY", "qty", "10", "decision", "EXECUTE");
        // BTCUSDT is open and now reserved too: counted once; SOLUSDT reserved twice: once
        assertThat(h.awaitAudit("pos-ada")).containsEntry("outcome", "ALLOW");
        assertThat(h.awaitAudit("pos-xrp")).containsEntry("reason", "max_positions_reached")
                .containsEntry("detail", "projected=4 max=3").containsEntry("qty", "10.0")
                .containsEntry("mark", "2.0").containsEntry("notional", "20.0");
        // reserved outside the open positions: SOLUSDT, ADAUSDT
        assertThat(h.redis.get("quantum:governor:reservations:unopened")).isEqualTo("2");

        h.redis.xadd(Harness.RESULTS, Map.of("plan_id", "pos-sol-1", "executed", "False"));
        await().atMost(Duration.ofSeconds(5)).until(() -> h.redis.hlen("quantum:governor:reservations") == 3);
        assertThat(h.redis.hget("quantum:governor:reservations:symbols", "SOLUSDT")).isEqualTo("pos-sol-2");
        h.publish("plan_id", "pos-xrp-2", "symbol", "XRPUSDT", "side", "BUY", "qty", "10", "decision", "EXECUTE");
        assertThat(h.awaitAudit("pos-xrp-2")).containsEntry("detail", "projected=4 max=3");

        h.redis.xadd(Harness.RESULTS, Map.of("plan_id", "pos-sol-2", "executed", "False"));
        await().atMost(Duration.ofSeconds(5)).until(() -> h.redis.hlen("quantum:governor:reservations") == 2);
        assertThat(h.redis.hexists("quantum:governor:reservations:symbols", "SOLUSDT")).isFalse();
        assertThat(h.redis.get("quantum:governor:reservations:unopened")).isEqualTo("1");
        h.publish("plan_id", "pos-xrp-3", "symbol", "XRPUSDT", "side", "BUY", "qty", "10", "decision", "EXECUTE");
        assertThat(h.awaitAudit("pos-xrp-3")).containsEntry("outcome", "ALLOW");
    }

    @Test
    void auditFiguresPrintLikePythonNextToAPowerOfTwo() {
        start(ApplyMode.TESTNET, Limits.defaults(), true);
        h.installSnapshot(Map.of(), Map.of("BTCUSDT", "1"), 0);
        // 2^-24: the closest 16-digit decimal does not read back, Python prints the neighbour above it
        h.publish("plan_id", "pow2", "symbol", "BTCUSDT", "action", "FULL_CLOSE_PROPOSED",
                "qty", "5.9604644775390625e-08", "decision", "EXECUTE");
        assertThat(h.awaitAudit("pow2")).containsEntry("outcome", "ALLOW")
                .containsEntry("qty", "5.960464477539063e-08").containsEntry("notional", "5.960464477539063e-08");
    }

    @Test
    void projectedTotalCountsPositionsReservationsAndTheTrade() {
        start(ApplyMode.TESTNET, Limits.defaults(), true);
        h.installSnapshot(book("BTCUSDT", 0.02, 95000.0), Map.of("SOLUSDT", "150"), 0);
        h.publish("plan_id", "total-150", "symbol", "SOLUSDT", "side", "BUY", "qty", "1", "decision", "EXECUTE");
        assertThat(h.awaitAudit("total-150")).containsEntry("reason", "total_notional_exceeded")
                .containsEntry("detail", "projected=2050.00 max=2000.0").containsEntry("total_notional", "1900.0");
    }

    @Test
    void reservationsCountUntilTheResultSaysNotExecuted() {
        start(ApplyMode.TESTNET, Limits.defaults(), true);
        h.installSnapshot(book("BTCUSDT", 0.019, 95000.0), Map.of("SOLUSDT", "100", "ADAUSDT", "1"), 0);
        h.publish("plan_id", "res-1", "symbol", "SOLUSDT", "side", "BUY", "qty", "1", "decision", "EXECUTE");
        assertThat(h.awaitAudit("res-1")).containsEntry("outcome", "ALLOW");
        h.publish("plan_id", "res-2", "symbol", "ADAUSDT", "side", "BUY", "qty", "100", "decision", "EXECUTE");
        assertThat(h.awaitAudit("res-2")).containsEntry("reason", "total_notional_exceeded")
                .containsEntry("detail", "projected=2005.00 max=2000.0").containsEntry("reserved_notional", "100.0");
        h.redis.xadd(Harness.RESULTS, Map.of("plan_id", "res-1", "executed", "False"));
        await().atMost(Duration.ofSeconds(5)).until(() -> h.redis.hlen("quantum:governor:reservations") == 0);
        assertThat(h.redis.get("quantum:governor:reservations:notional")).isEqualTo("0");
        assertThat(h.redis.hlen("quantum:governor:reservations:symbols")).isZero();
        h.publish("plan_id", "res-3", "symbol", "ADAUSDT", "side", "BUY", "qty", "100", "decision", "EXECUTE");
        assertThat(h.awaitAudit("res-3")).containsEntry("outcome", "ALLOW");
    }

    @Test
    void executedResultMarksTheReservationFilled() {
        start(ApplyMode.TESTNET, Limits.defaults(), true);
        h.installSnapshot(Map.of(), Map.of("SOLUSDT", "100"), 0);
        h.publish("plan_id", "fill-1", "symbol", "SOLUSDT", "side", "BUY", "qty", "1", "decision", "EXECUTE");
        h.awaitAudit("fill-1");
        h.redis.xadd(Harness.RESULTS, Map.of("plan_id", "fill-1", "executed", "true"));
        await().atMost(Duration.ofSeconds(5)).until(() -> h.redis.zcard("quantum:governor:reservations:filled") == 1);
        assertThat(h.redis.hget("quantum:governor:reservations", "fill-1")).matches(".*\"filled_at_ms\": \\d{13}, .*");
    }

    @Test
    void staleOrAbsentSnapshotBlocksOpensButNotCloses() {
        start(ApplyMode.TESTNET, Limits.defaults(), true);
        h.publish("plan_id", "nosnap-open", "symbol", "SOLUSDT", "qty", "1", "decision", "EXECUTE");
        h.publish("plan_id", "nosnap-close", "symbol", "BTCUSDT", "action", "FULL_CLOSE_PROPOSED", "decision", "EXECUTE");
        assertThat(h.awaitAudit("nosnap-open")).containsEntry("reason", "exchange_state_unavailable")
                .containsEntry("detail", "no_snapshot");
        assertThat(h.awaitAudit("nosnap-close")).containsEntry("outcome", "ALLOW");
        assertThat(h.lines).contains("[WARNING] SOLUSDT: Exchange state unavailable - no_snapshot");

        h.installSnapshot(Map.of(), Map.of("SOLUSDT", "150"), 7312);
        h.publish("plan_id", "stale-open", "symbol", "SOLUSDT", "qty", "1", "decision", "EXECUTE");
        Map<String, String> a = h.awaitAudit("stale-open");
        assertThat(a).containsEntry("reason", "exchange_state_unavailable");
        assertThat(a.get("detail")).matches("snapshot_age_ms=73\\d\\d");

        h.redis.hset("quantum:governor:exchange:meta", "last_error", "http_429");
        h.publish("plan_id", "stale-429", "symbol", "SOLUSDT", "qty", "1", "decision", "EXECUTE");
        assertThat(h.awaitAudit("stale-429")).containsEntry("detail", "last_error=http_429");
    }

    @Test
    void missingCredentialsBlockOpens() {
        start(ApplyMode.TESTNET, Limits.defaults(), false);
        h.installSnapshot(Map.of(), Map.of("SOLUSDT", "150"), 0);
        h.publish("plan_id", "nocreds", "symbol", "SOLUSDT", "qty", "1", "decision", "EXECUTE");
        assertThat(h.awaitAudit("nocreds")).containsEntry("reason", "exchange_credentials_missing")
                .containsEntry("detail", "no_credentials");
    }

    @Test
    void missingMarkAndBadQtyBlock() {
        start(ApplyMode.TESTNET, Limits.defaults(), true);
        h.installSnapshot(Map.of(), Map.of("SOLUSDT", "150"), 0);
        h.publish("plan_id", "nomark", "symbol", "XYZUSDT", "qty", "1", "decision", "EXECUTE");
        h.publish("plan_id", "zeroqty", "symbol", "SOLUSDT", "qty", "0", "decision", "EXECUTE");
        h.publish("plan_id", "noqty", "symbol", "SOLUSDT", "decision", "EXECUTE");
        h.publish("plan_id", "junkqty", "symbol", "SOLUSDT", "qty", "lots", "decision", "EXECUTE");
        assertThat(h.awaitAudit("nomark")).containsEntry("reason", "mark_price_unavailable");
        for (String id : List.of("zeroqty", "noqty", "junkqty")) {
            assertThat(h.awaitAudit(id)).containsEntry("reason", "invalid_qty").containsEntry("detail", "qty");
        }
    }

    @Test
    void malformedCorpusEndsInABlockOrDeadLetterNamingTheFieldAndDecidingGoesOn() {
        start(ApplyMode.TESTNET, Limits.defaults(), true);
        h.installSnapshot(Map.of(), Map.of("SOLUSDT", "150", "ETHUSDT", "100"), 0);
        String missing = h.publish("symbol", "SOLUSDT", "decision", "EXECUTE");
        String empty = h.publish("junk", "");
        h.publish("plan_id", "bad id with spaces", "decision", "EXECUTE");
        h.publish("plan_id", "close-nanqty", "symbol", "SOLUSDT", "action", "FULL_CLOSE", "qty", "abc",
                "decision", "EXECUTE");
        h.publish("plan_id", "open-badkill", "symbol", "SOLUSDT", "qty", "1", "kill_score", "very", "decision", "EXECUTE");
        h.publish("plan_id", "huge-action", "symbol", "SOLUSDT", "action", "A".repeat(10_000), "decision", "EXECUTE");
        h.publish("plan_id", "binary-sym", "symbol", "\u0000\u00ff\ufffd", "decision", "EXECUTE");
        h.publish("plan_id", "unknown-act", "symbol", "SOLUSDT", "action", "MOON_SHOT", "qty", "1", "decision", "EXECUTE");
        h.publish("plan_id", "junk-decision", "symbol", "SOLUSDT", "decision", "\u0001\u0002");
        h.publish("plan_id", "still-deciding", "symbol", "ETHUSDT", "qty", "1", "decision", "EXECUTE");
        assertThat(h.awaitAudit("still-deciding")).containsEntry("outcome", "ALLOW");
        h.awaitAllAcked();

        List<Map<String, String>> dlq = h.redis.xrange("quantum:stream:governor.dlq", io.lettuce.core.Range.create("-", "+"))
                .stream().map(io.lettuce.core.StreamMessage::getBody).toList();
        assertThat(dlq).extracting(m -> m.get("stream_id") + " " + m.get("reason")).contains(
                missing + " missing_plan_id", empty + " missing_plan_id");
        assertThat(dlq).anyMatch(m -> m.get("reason").equals("invalid_plan_id")
                && m.get("plan_id").equals("bad id with spaces"));
        assertThat(h.awaitAudit("close-nanqty")).containsEntry("reason", "invalid_plan").containsEntry("detail", "qty");
        assertThat(h.awaitAudit("open-badkill")).containsEntry("reason", "invalid_plan").containsEntry("detail", "kill_score");
        assertThat(h.awaitAudit("huge-action")).containsEntry("reason", "invalid_plan").containsEntry("detail", "action");
        assertThat(h.awaitAudit("binary-sym")).containsEntry("reason", "invalid_plan").containsEntry("detail", "symbol");
        assertThat(h.awaitAudit("unknown-act")).containsEntry("class", "OPEN").containsEntry("outcome", "ALLOW")
                .containsEntry("notional", "150.0");
        assertThat(h.audit("junk-decision")).isNull();
        assertThat(h.lines).contains("[WARNING] Message " + missing + ": Missing plan_id field",
                "[WARNING] DLQ: entry " + missing + " -> quantum:stream:governor.dlq (missing_plan_id)",
                "[WARNING] SOLUSDT: Invalid plan open-bad - kill_score: not a number");
        assertThat(h.counter("quantum_govern_block", "symbol", "INVALID", "reason", "invalid_plan")).isEqualTo(1.0);
    }

    @Test
    void dryRunEvaluatesEverythingButPermitsAndStampsOnlyFullPasses() {
        start(ApplyMode.DRY_RUN, Limits.defaults(), false);
        h.installSnapshot(Map.of(), Map.of("SOLUSDT", "150"), 0);
        h.publish("plan_id", "dry-1", "symbol", "SOLUSDT", "qty", "1", "decision", "EXECUTE");
        Map<String, String> a = h.awaitAudit("dry-1");
        assertThat(a).containsEntry("outcome", "WOULD_BLOCK").containsEntry("reason", "exchange_credentials_missing");
        assertThat(h.redis.get("quantum:permit:dry-1")).contains("\"computed_qty\": 1.0");
        assertThat(h.redis.exists("quantum:governor:block:dry-1", "quantum:governor:last_exec:SOLUSDT")).isZero();
        assertThat(h.redis.hlen("quantum:governor:reservations")).isZero();
        assertThat(h.lines).contains("[WARNING] SOLUSDT: DRY-RUN would BLOCK plan dry-1 - exchange_credentials_missing");
        h.redis.set("quantum:kill", "true");
        h.publish("plan_id", "dry-kill", "symbol", "SOLUSDT", "qty", "1", "decision", "EXECUTE");
        assertThat(h.awaitAudit("dry-kill")).containsEntry("outcome", "BLOCK").containsEntry("reason", "kill_switch_active");
    }

    @Test
    void productionGatesKillScoreHourlyBurstWithDisarmAndDaily() {
        Limits d = Limits.defaults();
        Limits limits = new Limits(10, d.maxNotionalPerTrade(), new java.math.BigDecimal("100000"), 0, 3, 2,
                new java.math.BigDecimal("250"), d.maxReduceQtyPerDay(), d.killScoreCritical());
        start(ApplyMode.PRODUCTION, limits, true);
        h.installSnapshot(Map.of(), Map.of("SOLUSDT", "150", "ETHUSDT", "100", "BNBUSDT", "100"), 0);
        h.publish("plan_id", "prod-kill", "symbol", "SOLUSDT", "qty", "1", "kill_score", "0.912", "decision", "EXECUTE");
        assertThat(h.awaitAudit("prod-kill")).containsEntry("reason", "kill_score_critical_non_close")
                .containsEntry("detail", "k=0.912 critical=0.8");
        // daily: 150 + 150 > 250
        h.publish("plan_id", "prod-d1", "symbol", "SOLUSDT", "qty", "1", "decision", "EXECUTE");
        assertThat(h.awaitAudit("prod-d1")).containsEntry("outcome", "ALLOW");
        assertThat(h.lines).contains("[INFO] SOLUSDT: Computed qty=1.0000, notional=$150.00");
        h.publish("plan_id", "prod-d2", "symbol", "SOLUSDT", "qty", "1", "decision", "EXECUTE");
        assertThat(h.awaitAudit("prod-d2")).containsEntry("reason", "daily_limit_exceeded")
                .containsEntry("detail", "day_total=300.00 max=250.0");
        // burst: two ETHUSDT permits in 5 minutes, the third trips the burst limit and disarms
        h.publish("plan_id", "prod-b1", "symbol", "ETHUSDT", "qty", "1", "decision", "EXECUTE");
        h.publish("plan_id", "prod-b2", "symbol", "ETHUSDT", "qty", "1", "decision", "EXECUTE");
        h.publish("plan_id", "prod-b3", "symbol", "ETHUSDT", "qty", "1", "decision", "EXECUTE");
        assertThat(h.awaitAudit("prod-b2")).containsEntry("outcome", "ALLOW");
        assertThat(h.awaitAudit("prod-b3")).containsEntry("reason", "burst_limit_exceeded")
                .containsEntry("detail", "count=2 max=2");
        assertThat(h.redis.get("quantum:governor:disarmed")).startsWith(
                "{\"reason\": \"burst_limit_breach\", \"context\": {\"symbol\": \"ETHUSDT\", \"exec_5min\": 2, \"limit\": 2}, ");
        assertThat(h.redis.xlen("quantum:stream:governor.events")).isEqualTo(1);
        assertThat(h.lines).contains("[CRITICAL] AUTO-DISARM TRIGGERED: burst_limit_breach");
        assertThat(h.counter("quantum_govern_disarm", "reason", "burst_limit_breach")).isEqualTo(1.0);
        h.publish("plan_id", "prod-latched", "symbol", "BNBUSDT", "qty", "1", "decision", "EXECUTE");
        h.publish("plan_id", "prod-close", "symbol", "BNBUSDT", "action", "FULL_CLOSE", "decision", "EXECUTE");
        assertThat(h.awaitAudit("prod-latched")).containsEntry("reason", "auto_disarmed")
                .containsEntry("detail", "burst_limit_breach");
        assertThat(h.awaitAudit("prod-close")).containsEntry("outcome", "ALLOW");
        // hourly: 3 OPEN permits within the hour (older than 5 min) block the 4th
        h.redis.del("quantum:governor:disarmed");
        long now = Long.parseLong(h.redis.time().get(0));
        for (int i = 0; i < 3; i++) {
            h.redis.lpush("quantum:governor:open_exec:BNBUSDT", (now - 600 - i) + ".000");
        }
        h.publish("plan_id", "prod-hour", "symbol", "BNBUSDT", "qty", "1", "decision", "EXECUTE");
        assertThat(h.awaitAudit("prod-hour")).containsEntry("reason", "hourly_limit_exceeded")
                .containsEntry("detail", "count=3 max=3");
    }

    @Test
    void aScriptErrorBecomesEvaluationErrorAndRepeatedOnesDisarm() {
        start(ApplyMode.TESTNET, Limits.defaults(), true);
        h.installSnapshot(Map.of(), Map.of("SOLUSDT", "150"), 0);
        h.redis.hset("quantum:governor:last_exec:SOLUSDT", "wrong", "type");
        for (int i = 0; i < 5; i++) {
            h.publish("plan_id", "err-" + i, "symbol", "SOLUSDT", "qty", "1", "decision", "EXECUTE");
        }
        for (int i = 0; i < 5; i++) {
            assertThat(h.awaitAudit("err-" + i)).containsEntry("reason", "evaluation_error")
                    .containsEntry("detail", "RedisCommandExecutionException");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> h.redis.exists("quantum:governor:disarmed") == 1);
        assertThat(h.redis.get("quantum:governor:disarmed")).startsWith(
                "{\"reason\": \"repeated_errors\", \"context\": {\"error_count\": 5, \"threshold\": 5, \"window_sec\": 300}, ");
        assertThat(h.lines).anyMatch(l -> l.startsWith("[ERROR] Error evaluating plan err-0: "));
    }
}
