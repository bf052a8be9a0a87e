package io.quantumgates.governor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.common.redis.StreamEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanCodecTest {
    private static Decoded decode(String... kv) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            f.put(kv[i], kv[i + 1]);
        }
        return PlanCodec.decode(new StreamEntry("quantum:stream:apply.plan", "governor", "1769471881204-0", f, 1));
    }

    @Test
    void decodesTheApplyLayerShape() {
        Decoded d = decode("plan_id", "9f3a61c2d4b7e810", "symbol", "BTCUSDT", "action", "PARTIAL_75",
                "kill_score", "0.412", "decision", "EXECUTE");
        assertThat(d).isInstanceOf(Decoded.Valid.class);
        Plan p = ((Decoded.Valid) d).plan();
        assertThat(p.pid8()).isEqualTo("9f3a61c2");
        assertThat(p.planClass()).isEqualTo(PlanClass.CLOSE);
        assertThat(p.killScore()).isEqualTo(0.412);
        assertThat(p.killScoreShown()).isEqualTo("0.412");
        assertThat(((Decoded.Valid) d).qtyArg()).isEmpty();
    }

    @Test
    void decodesTheIntentBridgeShapeWithAbsoluteQty() {
        Decoded d = decode("plan_id", "14c14c88e0a5b3f1", "symbol", " BTCUSDT ", "side", "SELL", "qty", "-0.002",
                "reduceOnly", "false", "source", "intent_bridge", "decision", "EXECUTE");
        Plan p = ((Decoded.Valid) d).plan();
        assertThat(p.symbol()).isEqualTo("BTCUSDT");
        assertThat(p.action()).isEqualTo("UNKNOWN");
        assertThat(p.planClass()).isEqualTo(PlanClass.OPEN);
        assertThat(p.qty()).hasValue(0.002);
        assertThat(p.killScoreShown()).isEqualTo("0.000");
        assertThat(((Decoded.Valid) d).qtyArg()).isEqualTo("0.002");
    }

    @Test
    void missingOrInvalidPlanIdIsADeadLetter() {
        assertThat(decode("symbol", "BTCUSDT", "decision", "EXECUTE"))
                .isEqualTo(new Decoded.DeadLetter(BlockReason.MISSING_PLAN_ID, ""));
        assertThat(decode("plan_id", "", "decision", "EXECUTE"))
                .isEqualTo(new Decoded.DeadLetter(BlockReason.MISSING_PLAN_ID, ""));
        assertThat(((Decoded.DeadLetter) decode("plan_id", "has space")).reason()).isEqualTo(BlockReason.INVALID_PLAN_ID);
        assertThat(((Decoded.DeadLetter) decode("plan_id", "x".repeat(129))).reason()).isEqualTo(BlockReason.INVALID_PLAN_ID);
        assertThat(((Decoded.DeadLetter) decode("plan_id", "\u0000\u00ffjunk")).reason()).isEqualTo(BlockReason.INVALID_PLAN_ID);
        assertThat(decode("plan_id", "x".repeat(128), "decision", "SKIP")).isInstanceOf(Decoded.Skip.class);
    }

    @Test
    void nonExecuteDecisionsAreSkippedWithABoundedLabel() {
        assertThat(((Decoded.Skip) decode("plan_id", "p1", "decision", "SKIP")).metricLabel()).isEqualTo("SKIP");
        assertThat(((Decoded.Skip) decode("plan_id", "p1", "decision", "BLOCKED")).metricLabel()).isEqualTo("BLOCKED");
        assertThat(((Decoded.Skip) decode("plan_id", "p1")).metricLabel()).isEqualTo("SKIP");
        assertThat(((Decoded.Skip) decode("plan_id", "p1", "decision", "\u0001junk")).metricLabel()).isEqualTo("other");
        assertThat(((Decoded.Skip) decode("plan_id", "p1", "decision", "execute")).metricLabel()).isEqualTo("other");
    }

    @Test
    void malformedCorpusEndsInInvalidPlanNamingTheField() {
        assertThat(invalidField("plan_id", "p1", "decision", "EXECUTE")).isEqualTo("symbol");
        assertThat(invalidField("plan_id", "p1", "decision", "EXECUTE", "symbol", "btcusdt")).isEqualTo("symbol");
        assertThat(invalidField("plan_id", "p1", "decision", "EXECUTE", "symbol", "\u0000\u0001\u00fe")).isEqualTo("symbol");
        assertThat(invalidField("plan_id", "p1", "decision", "EXECUTE", "symbol", "A".repeat(33))).isEqualTo("symbol");
        assertThat(invalidField("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "action", "A".repeat(9000)))
                .isEqualTo("action");
        assertThat(invalidField("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "qty", "9".repeat(8193)))
                .isEqualTo("qty");
        assertThat(invalidField("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "action", "FULL_CLOSE",
                "qty", "abc")).isEqualTo("qty");
        assertThat(invalidField("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "action", "FULL_CLOSE",
                "qty", "NaN")).isEqualTo("qty");
        assertThat(invalidField("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "qty", "1",
                "kill_score", "high")).isEqualTo("kill_score");
        assertThat(invalidField("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "qty", "1",
                "kill_score", "Infinity")).isEqualTo("kill_score");
    }

    @Test
    void oversizeFieldsTheGovernorDoesNotReadAreIgnored() {
        assertThat(decode("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "qty", "1",
                "notes", "n".repeat(100_000))).isInstanceOf(Decoded.Valid.class);
    }

    @Test
    void openQtyProblemsAreLeftToTheQtyGate() {
        for (String q : new String[] {"abc", "0x10", "1e999", "Infinity", "1.5f", ""}) {
            Decoded d = decode("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "qty", q);
            assertThat(d).isInstanceOf(Decoded.Valid.class);
            assertThat(((Decoded.Valid) d).qtyArg()).isEmpty();
        }
        Decoded zero = decode("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "qty", "0");
        assertThat(((Decoded.Valid) zero).qtyArg()).isEqualTo("0.0");
    }

    @Test
    void closeWithoutQtyIsValidAndAnUnknownActionIsOpenClass() {
        assertThat(decode("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "reduceOnly", "True"))
                .isInstanceOf(Decoded.Valid.class);
        Decoded d = decode("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "action", "YOLO_ALL_IN",
                "qty", "1");
        assertThat(((Decoded.Valid) d).plan().planClass()).isEqualTo(PlanClass.OPEN);
    }

    @Test
    void nonNumericKillScoreIsShownAsGivenAndIgnoredForCloses() {
        Decoded d = decode("plan_id", "p1", "decision", "EXECUTE", "symbol", "BTCUSDT", "action", "FULL_CLOSE",
                "kill_score", "n/a");
        assertThat(d).isInstanceOf(Decoded.Valid.class);
        assertThat(((Decoded.Valid) d).plan().killScoreShown()).isEqualTo("n/a");
    }

    private static String invalidField(String... kv) {
        Decoded d = decode(kv);
        assertThat(d).isInstanceOf(Decoded.Invalid.class);
        return ((Decoded.Invalid) d).field();
    }
}
