package io.quantumgates.governor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {
    private final Limits caps = Limits.defaults();

    @Test
    void permitBodyOfTheSeedCloseMatchesTheContractByteForByte() {
        assertThat(Records.permit("BTCUSDT", 0.0, 0.0, 1769471881204L)).isEqualTo(
                "{\"granted\": true, \"symbol\": \"BTCUSDT\", \"decision\": \"EXECUTE\", \"computed_qty\": 0.0, "
                        + "\"computed_notional\": 0.0, \"created_at\": 1769471881.204, \"consumed\": false}");
    }

    @Test
    void blockBodiesCarryTheDetailOnlyWhenThereIsOne() {
        assertThat(Records.block(BlockReason.SYMBOL_COOLDOWN, "BTCUSDT", "remaining_s=48.8", 1769471892404L)).isEqualTo(
                "{\"reason\": \"symbol_cooldown\", \"timestamp\": 1769471892.404, \"symbol\": \"BTCUSDT\", "
                        + "\"detail\": \"remaining_s=48.8\"}");
        assertThat(Records.block(BlockReason.KILL_SWITCH_ACTIVE, "BTCUSDT", "", 1769471894010L)).isEqualTo(
                "{\"reason\": \"kill_switch_active\", \"timestamp\": 1769471894.010, \"symbol\": \"BTCUSDT\"}");
    }

    @Test
    void markerNamesOutcomeReasonAndWhereItCameFrom() {
        assertThat(Records.marker("ALLOW", "none", "1-0", "2-0", 1769471881204L)).isEqualTo(
                "{\"outcome\": \"ALLOW\", \"reason\": \"none\", \"stream_id\": \"1-0\", \"audit_id\": \"2-0\", "
                        + "\"decided_at\": 1769471881.204}");
    }

    @Test
    void detailsUseTheContractsNumberForms() {
        assertThat(Records.Detail.cooldown(48.75)).isEqualTo("remaining_s=48.8");
        assertThat(Records.Detail.positions(23, 10)).isEqualTo("projected=23 max=10");
        assertThat(Records.Detail.perTrade(250, caps)).isEqualTo("notional=250.00 max=200.0");
        assertThat(Records.Detail.total(118994.14, caps)).isEqualTo("projected=118994.14 max=2000.0");
        assertThat(Records.Detail.daily(5120, caps)).isEqualTo("day_total=5120.00 max=5000.0");
        assertThat(Records.Detail.killScore(0.912, caps)).isEqualTo("k=0.912 critical=0.8");
        assertThat(Records.Detail.count(3, 3)).isEqualTo("count=3 max=3");
    }

    @Test
    void dlqFieldsAreJsonWithValuesCutTo1024() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("symbol", "BTC\"USDT\n");
        f.put("junk", "x".repeat(5000));
        f.put("bin", "\u0000\u00ff");
        String json = Records.dlqFields(f);
        assertThat(json).startsWith("{\"symbol\": \"BTC\\\"USDT\\n\", \"junk\": \"" + "x".repeat(1024) + "\", ");
        assertThat(json).endsWith("\"bin\": \"\\u0000\\u00ff\"}");
    }
}
