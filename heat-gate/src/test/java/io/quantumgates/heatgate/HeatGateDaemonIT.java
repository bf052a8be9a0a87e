package io.quantumgates.heatgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.Env;
import io.quantumgates.heatgate.redis.Keys;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daemon in-JVM against a real redis-server: what goes in on the streams, what comes out. */
class HeatGateDaemonIT {
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();
    private static RedisCommands<String, String> redis;
    private HeatGateDaemon daemon;

    @BeforeAll
    static void redisHandle() {
        redis = testRedis.redis();
    }

    @AfterEach
    void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private void startDaemon(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("REDIS_URL", testRedis.server().uri(), "P26_METRICS_PORT", "0",
                "P26_POLL_SEC", "0.1", "P26_CONSUMER_NAME", "it-gate"));
        env.putAll(extra);
        daemon = new HeatGateDaemon(HeatGateConfig.from(new Env(env), "unused"), InstantSource.system());
        assertThat(daemon.start()).isTrue();
    }

    private static String xadd(String stream, String... fieldsAndValues) {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return redis.xadd(stream, body);
    }

    private static void ethAt1800() {
        xadd(Keys.SNAPSHOTS, "symbol", "ETHUSDT", "position_notional_usd", "1800", "sigma", "0.15");
    }

    private static Map<String, String> awaitOutputFor(String sourceId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> outputs().stream()
                .filter(m -> sourceId.equals(m.getBody().get("source_id"))).findFirst().map(StreamMessage::getBody)
                .orElse(null), body -> body != null);
    }

    private static List<StreamMessage<String, String>> outputs() {
        return redis.xrange(Keys.CALIBRATED, Range.unbounded());
    }

    private Map<String, String> calibrateFullCloseWithEquity(String equity) {
        redis.hset(Keys.PORTFOLIO, "equity_usd", equity);
        ethAt1800();
        startDaemon(Map.of());
        String id = xadd(Keys.PROPOSALS, "plan_id", "test1", "symbol", "ETHUSDT", "action", "FULL_CLOSE");
        return awaitOutputFor(id);
    }

    @Test
    void coldPortfolioCutsAFullCloseToPartial25() {
        Map<String, String> out = calibrateFullCloseWithEquity("10000");
        assertThat(out).containsEntry("calibrated_action", "PARTIAL_25").containsEntry("heat_value", "0.0270")
                .containsEntry("heat_bucket", "COLD").containsEntry("reason", "portfolio_heat_cold")
                .containsEntry("original_action", "FULL_CLOSE").containsEntry("mode", "shadow")
                .containsEntry("calibrated", "true").containsEntry("heat_status", "ok")
                .containsEntry("equity_usd", "10000").containsEntry("heat_symbols", "1")
                .containsEntry("plan_id", "test1").containsEntry("symbol", "ETHUSDT");
    }

    @Test
    void warmPortfolioCutsAFullCloseToPartial75() {
        Map<String, String> out = calibrateFullCloseWithEquity("1000");
        assertThat(out).containsEntry("calibrated_action", "PARTIAL_75").containsEntry("heat_value", "0.2700")
                .containsEntry("heat_bucket", "WARM").containsEntry("reason", "portfolio_heat_warm");
    }

    @Test
    void hotPortfolioLetsTheFullCloseStand() {
        Map<String, String> out = calibrateFullCloseWithEquity("400");
        assertThat(out).containsEntry("calibrated_action", "FULL_CLOSE").containsEntry("heat_value", "0.6750")
                .containsEntry("heat_bucket", "HOT").containsEntry("reason", "portfolio_heat_hot");
    }

    @Test
    void realProducerShapeWithoutPlanIdOrActionIsCalibrated() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        ethAt1800();
        startDaemon(Map.of());
        String id = xadd(Keys.PROPOSALS, "symbol", "ETHUSDT", "harvest_action", "FULL_CLOSE_PROPOSED",
                "r_net", "2.1", "reason", "tp_hit");
        Map<String, String> out = awaitOutputFor(id);
        assertThat(out).containsEntry("plan_id", "p26-" + id).containsEntry("original_action", "FULL_CLOSE_PROPOSED")
                .containsEntry("calibrated_action", "PARTIAL_25").containsEntry("harvest_action", "FULL_CLOSE_PROPOSED")
                .containsEntry("input_reason", "tp_hit").containsEntry("r_net", "2.1").doesNotContainKey("action");
        assertThat(out.get("trace_id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void partialPassesUnchanged() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "400");
        startDaemon(Map.of());
        String id = xadd(Keys.PROPOSALS, "plan_id", "p1", "symbol", "ETHUSDT", "action", "PARTIAL_50");
        assertThat(awaitOutputFor(id)).containsEntry("calibrated_action", "PARTIAL_50")
                .containsEntry("reason", "partial_unchanged");
    }

    @Test
    void missingPortfolioStateFailsClosedToPartial25NamingTheFailure() {
        ethAt1800();
        startDaemon(Map.of());
        String id = xadd(Keys.PROPOSALS, "plan_id", "test1", "symbol", "ETHUSDT", "harvest_action", "FULL_CLOSE_PROPOSED");
        assertThat(awaitOutputFor(id)).containsEntry("calibrated_action", "PARTIAL_25")
                .containsEntry("heat_value", "0.0000").containsEntry("heat_bucket", "COLD")
                .containsEntry("reason", "portfolio_state_missing").containsEntry("heat_status", "portfolio_state_missing")
                .containsEntry("equity_usd", "");
    }

    @Test
    void qtyAndMarkPriceSnapshotsAreUnderstoodAndQtyZeroRemovesTheSymbol() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "1000");
        startDaemon(Map.of());
        // 0.6 × 3000 = 1800 notional, sigma 0.15 → 0.2700 WARM
        xadd(Keys.SNAPSHOTS, "symbol", "ETHUSDT", "position_qty", "-0.6", "mark_price", "3000", "sigma", "0.15");
        // the snapshot and proposal streams are read independently: retry until the view has caught up
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String id = xadd(Keys.PROPOSALS, "plan_id", "a", "symbol", "ETHUSDT", "action", "FULL_CLOSE");
            assertThat(awaitOutputFor(id)).containsEntry("heat_value", "0.2700").containsEntry("heat_symbols", "1");
        });
        xadd(Keys.SNAPSHOTS, "symbol", "ETHUSDT", "position_qty", "0", "mark_price", "3000");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String id = xadd(Keys.PROPOSALS, "plan_id", "b", "symbol", "ETHUSDT", "action", "FULL_CLOSE");
            assertThat(awaitOutputFor(id)).containsEntry("heat_value", "0.0000").containsEntry("heat_symbols", "0")
                    .containsEntry("heat_status", "ok");
        });
    }

    @Test
    void snapshotsOlderThanTheMaxAgeStopCounting() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "1000");
        long old = System.currentTimeMillis() - 400_000;
        redis.xadd(Keys.SNAPSHOTS, new XAddArgs().id(old + "-0"),
                Map.of("symbol", "BTCUSDT", "position_notional_usd", "5000", "sigma", "0.5"));
        ethAt1800();
        startDaemon(Map.of("P26_SNAPSHOT_MAX_AGE_SEC", "300"));
        String id = xadd(Keys.PROPOSALS, "plan_id", "a", "symbol", "ETHUSDT", "action", "FULL_CLOSE");
        assertThat(awaitOutputFor(id)).containsEntry("heat_value", "0.2700").containsEntry("heat_symbols", "1");
    }

    @Test
    void aSymbolWhoseSnapshotsStopAgesOut() throws InterruptedException {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "1000");
        startDaemon(Map.of("P26_SNAPSHOT_MAX_AGE_SEC", "1"));
        ethAt1800();
        Thread.sleep(1_200); // let the only snapshot pass the 1 s max age
        String id = xadd(Keys.PROPOSALS, "plan_id", "a", "symbol", "ETHUSDT", "action", "FULL_CLOSE");
        assertThat(awaitOutputFor(id)).containsEntry("heat_value", "0.0000").containsEntry("heat_symbols", "0");
    }

    @Test
    void enforceWritesTheProposalHashWithItsTtl() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        ethAt1800();
        startDaemon(Map.of("P26_MODE", "enforce", "P26_HASH_TTL_SEC", "120"));
        String id = xadd(Keys.PROPOSALS, "plan_id", "test1", "symbol", "ETHUSDT", "harvest_action", "FULL_CLOSE_PROPOSED",
                "trace_id", "tr-9");
        assertThat(awaitOutputFor(id)).containsEntry("mode", "enforce");
        Map<String, String> hash = redis.hgetall(Keys.proposalHash("ETHUSDT"));
        assertThat(hash).containsEntry("action", "PARTIAL_25").containsEntry("original_action", "FULL_CLOSE_PROPOSED")
                .containsEntry("heat_value", "0.0270").containsEntry("heat_bucket", "COLD")
                .containsEntry("calibrated", "1").containsEntry("calibrated_by", "p26_heat_gate")
                .containsEntry("downgrade_reason", "portfolio_heat_cold").containsEntry("trace_id", "tr-9")
                .containsEntry("plan_id", "test1").containsKey("ts");
        assertThat(redis.ttl(Keys.proposalHash("ETHUSDT"))).isBetween(1L, 120L);
    }

    @Test
    void enforceHashWriteFailureKeepsTheOutputEntry() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        redis.set(Keys.proposalHash("ETHUSDT"), "not a hash");
        startDaemon(Map.of("P26_MODE", "enforce"));
        String id = xadd(Keys.PROPOSALS, "plan_id", "test1", "symbol", "ETHUSDT", "action", "FULL_CLOSE");
        assertThat(awaitOutputFor(id)).containsEntry("calibrated_action", "PARTIAL_25");
        assertThat(redis.get(Keys.proposalHash("ETHUSDT"))).isEqualTo("not a hash");
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.xpending(Keys.PROPOSALS, Keys.GROUP).getCount() == 0);
    }

    @Test
    void enforceSkipsTheHashForAProposalOlderThanItsTtl() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        String id = redis.xadd(Keys.PROPOSALS, new XAddArgs().id((System.currentTimeMillis() - 120_000) + "-0"),
                Map.of("plan_id", "old", "symbol", "ETHUSDT", "action", "FULL_CLOSE"));
        startDaemon(Map.of("P26_MODE", "enforce", "P26_HASH_TTL_SEC", "60"));
        assertThat(awaitOutputFor(id)).containsEntry("calibrated_action", "PARTIAL_25");
        assertThat(redis.exists(Keys.proposalHash("ETHUSDT"))).isZero();
    }

    @Test
    void malformedProposalsAreDeadLetteredWithTheirReasonAndTheDaemonCarriesOn() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        startDaemon(Map.of());
        String noSymbol = xadd(Keys.PROPOSALS, "action", "FULL_CLOSE");
        String badSymbol = xadd(Keys.PROPOSALS, "symbol", "eth/usdt", "action", "FULL_CLOSE");
        String noAction = xadd(Keys.PROPOSALS, "symbol", "ETHUSDT");
        String huge = xadd(Keys.PROPOSALS, "symbol", "ETHUSDT", "action", "FULL_CLOSE", "note", "x".repeat(9000));
        xadd(Keys.SNAPSHOTS, "symbol", "ETHUSDT", "position_notional_usd", "garbage");
        xadd(Keys.SNAPSHOTS, "nothing", "useful");
        String good = xadd(Keys.PROPOSALS, "plan_id", "ok", "symbol", "ETHUSDT", "action", "FULL_CLOSE");
        assertThat(awaitOutputFor(good)).containsEntry("calibrated_action", "PARTIAL_25");
        List<StreamMessage<String, String>> dlq = redis.xrange(Keys.DLQ, Range.unbounded());
        assertThat(dlq).extracting(m -> m.getBody().get("stream_id") + " " + m.getBody().get("reason"))
                .containsExactly(noSymbol + " missing_symbol", badSymbol + " invalid_symbol",
                        noAction + " missing_action", huge + " oversized_field");
        Map<String, String> first = dlq.get(0).getBody();
        assertThat(first).containsEntry("deliveries", "1").containsEntry("instance", "it-gate")
                .containsEntry("fields", "{\"action\":\"FULL_CLOSE\"}").containsKey("dlq_at");
        assertThat(outputs()).hasSize(1);
        assertThat(redis.xpending(Keys.PROPOSALS, Keys.GROUP).getCount()).isZero();
    }

    @Test
    void aRedeliveredProposalThatWasAlreadyCalibratedIsOnlyAcked() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        redis.xgroupCreate(XReadArgs.StreamOffset.from(Keys.PROPOSALS, "0"), Keys.GROUP,
                XGroupCreateArgs.Builder.mkstream());
        String id = xadd(Keys.PROPOSALS, "plan_id", "test1", "symbol", "ETHUSDT", "action", "FULL_CLOSE");
        // A previous run of this consumer wrote the output and died before the ack.
        redis.xreadgroup(Consumer.from(Keys.GROUP, "it-gate"), XReadArgs.StreamOffset.lastConsumed(Keys.PROPOSALS));
        String earlier = xadd(Keys.CALIBRATED, "plan_id", "test1", "source_id", id);
        redis.set(Keys.done(id), earlier);
        startDaemon(Map.of());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> redis.xpending(Keys.PROPOSALS, Keys.GROUP).getCount() == 0);
        assertThat(outputs()).extracting(StreamMessage::getId).containsExactly(earlier);
    }

    @Test
    void outputStreamIsCappedNearItsMaxlen() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        startDaemon(Map.of("P26_OUTPUT_MAXLEN", "1000"));
        String last = null;
        for (int i = 0; i < 1500; i++) {
            last = xadd(Keys.PROPOSALS, "plan_id", "p" + i, "symbol", "ETHUSDT", "action", "HOLD");
        }
        awaitOutputFor(last);
        assertThat(redis.xlen(Keys.CALIBRATED)).isLessThan(1500);
        assertThat(redis.xrevrange(Keys.CALIBRATED, Range.unbounded(), Limit.from(1)).get(0).getBody())
                .containsEntry("source_id", last);
    }

    @Test
    void aBatchOfFiftyProposalsReadsEquityOnce() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        ethAt1800();
        startDaemon(Map.of());
        redis.configResetstat();
        // One transaction: the daemon's blocked read wakes once and gets all fifty as one batch.
        redis.multi();
        for (int i = 0; i < 50; i++) {
            xadd(Keys.PROPOSALS, "plan_id", "b" + i, "symbol", "ETHUSDT", "action", "FULL_CLOSE");
        }
        List<Object> ids = redis.exec().stream().toList();
        awaitOutputFor((String) ids.get(ids.size() - 1));
        assertThat(outputs()).hasSize(50)
                .allSatisfy(m -> assertThat(m.getBody()).containsEntry("heat_value", "0.0270"));
        assertThat(calls("hget")).isEqualTo(1);
    }

    @Test
    void aFlushedScriptCacheUnderARunningDaemonCostsNoProposal() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        startDaemon(Map.of());
        awaitOutputFor(xadd(Keys.PROPOSALS, "plan_id", "first", "symbol", "ETHUSDT", "action", "FULL_CLOSE"));
        redis.scriptFlush();
        // a whole batch sent ahead meets NOSCRIPT
        redis.multi();
        for (int i = 0; i < 20; i++) {
            xadd(Keys.PROPOSALS, "plan_id", "n" + i, "symbol", "ETHUSDT", "action", "FULL_CLOSE");
        }
        List<Object> ids = redis.exec().stream().toList();
        awaitOutputFor((String) ids.get(ids.size() - 1));
        assertThat(outputs()).extracting(m -> m.getBody().get("source_id")).doesNotHaveDuplicates().hasSize(21)
                .containsAll(ids.stream().map(String.class::cast).toList());
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.xpending(Keys.PROPOSALS, Keys.GROUP).getCount() == 0);
    }

    @Test
    void oneFailingScriptCallInABatchLeavesOnlyThatProposalPending() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        long now = System.currentTimeMillis();
        String first = now + "-0";
        String broken = now + "-1";
        String last = now + "-2";
        for (String id : List.of(first, broken, last)) {
            redis.xadd(Keys.PROPOSALS, new XAddArgs().id(id), Map.of("plan_id", "x" + id, "symbol", "ETHUSDT",
                    "action", "FULL_CLOSE"));
        }
        // the done key of the middle entry has the wrong type: its script call fails, the others' do not
        redis.hset(Keys.done(broken), "not", "a string");
        startDaemon(Map.of());
        awaitOutputFor(last);
        assertThat(outputs()).extracting(m -> m.getBody().get("source_id")).containsExactly(first, last);
        assertThat(redis.xpending(Keys.PROPOSALS, Keys.GROUP).getCount()).isEqualTo(1);
        redis.del(Keys.done(broken));
        awaitOutputFor(broken);
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.xpending(Keys.PROPOSALS, Keys.GROUP).getCount() == 0);
        assertThat(outputs()).extracting(m -> m.getBody().get("source_id")).containsExactly(first, last, broken);
    }

    /** Calls of one command since the last CONFIG RESETSTAT, from INFO commandstats (0 when never called). */
    private static long calls(String command) {
        for (String line : redis.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":calls=")) {
                String rest = line.substring(("cmdstat_" + command + ":calls=").length());
                return Long.parseLong(rest.substring(0, rest.indexOf(',')));
            }
        }
        return 0;
    }
}
