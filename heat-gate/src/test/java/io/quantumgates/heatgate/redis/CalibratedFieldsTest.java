package io.quantumgates.heatgate.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.heatgate.calibration.Calibration;
import io.quantumgates.heatgate.heat.Heat;
import io.quantumgates.heatgate.heat.HeatBucket;
import io.quantumgates.heatgate.heat.HeatStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalibratedFieldsTest {
    @Test
    void outputFieldsFollowTheContractOrderThenTheOtherInputFields() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("plan_id", "test1");
        in.put("symbol", "ETHUSDT");
        in.put("harvest_action", "FULL_CLOSE_PROPOSED");
        in.put("action", "FULL_CLOSE_PROPOSED");
        in.put("reason", "tp_hit");
        in.put("kill_score", "0.3");
        Proposal p = new Proposal("1769472300000-0", 1769472300000L, "test1", "ETHUSDT", "FULL_CLOSE_PROPOSED",
                "tr-1", Optional.empty(), in);
        Heat heat = new Heat(new BigDecimal("0.0270"), HeatBucket.COLD, HeatStatus.OK, "10000", 1, "");
        Calibration c = new Calibration("FULL_CLOSE_PROPOSED", "PARTIAL_25", true, "portfolio_heat_cold");

        assertThat(CalibratedFields.output(p, c, heat, "shadow", 1769472300L)).containsExactly(
                "trace_id", "tr-1", "plan_id", "test1", "symbol", "ETHUSDT",
                "original_action", "FULL_CLOSE_PROPOSED", "calibrated_action", "PARTIAL_25",
                "heat_value", "0.0270", "heat_bucket", "COLD", "mode", "shadow", "calibrated", "true",
                "reason", "portfolio_heat_cold", "timestamp", "1769472300", "heat_status", "ok",
                "equity_usd", "10000", "heat_symbols", "1", "source_id", "1769472300000-0",
                "harvest_action", "FULL_CLOSE_PROPOSED", "input_reason", "tp_hit", "kill_score", "0.3");
    }

    @Test
    void enforceHashCarriesTheCalibratedAction() {
        Proposal p = new Proposal("1-0", 1, "test1", "ETHUSDT", "FULL_CLOSE", "tr-1", Optional.empty(), Map.of());
        Heat heat = new Heat(new BigDecimal("0.2700"), HeatBucket.WARM, HeatStatus.OK, "1000", 1, "");
        Calibration c = new Calibration("FULL_CLOSE", "PARTIAL_75", true, "portfolio_heat_warm");
        assertThat(CalibratedFields.hash(p, c, heat, "1769472300.000")).isEqualTo(List.of(
                "action", "PARTIAL_75", "original_action", "FULL_CLOSE", "heat_value", "0.2700", "heat_bucket", "WARM",
                "calibrated", "1", "calibrated_by", "p26_heat_gate", "downgrade_reason", "portfolio_heat_warm",
                "trace_id", "tr-1", "plan_id", "test1", "ts", "1769472300.000"));
    }
}
