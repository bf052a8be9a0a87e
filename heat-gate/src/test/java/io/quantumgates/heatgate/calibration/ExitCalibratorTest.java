package io.quantumgates.heatgate.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.heatgate.heat.Heat;
import io.quantumgates.heatgate.heat.HeatBucket;
import io.quantumgates.heatgate.heat.HeatStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCalibratorTest {
    static Heat heat(String value, HeatBucket bucket, HeatStatus status) {
        return new Heat(new BigDecimal(value), bucket, status, "10000", 1, "");
    }

    @ParameterizedTest
    @CsvSource({
        "FULL_CLOSE,          COLD, PARTIAL_25,          true,  portfolio_heat_cold",
        "FULL_CLOSE_PROPOSED, COLD, PARTIAL_25,          true,  portfolio_heat_cold",
        "FULL_CLOSE,          WARM, PARTIAL_75,          true,  portfolio_heat_warm",
        "FULL_CLOSE_PROPOSED, WARM, PARTIAL_75,          true,  portfolio_heat_warm",
        "FULL_CLOSE,          HOT,  FULL_CLOSE,          false, portfolio_heat_hot",
        "FULL_CLOSE_PROPOSED, HOT,  FULL_CLOSE_PROPOSED, false, portfolio_heat_hot",
        "PARTIAL_25,          COLD, PARTIAL_25,          false, partial_unchanged",
        "PARTIAL_50,          WARM, PARTIAL_50,          false, partial_unchanged",
        "PARTIAL_75,          HOT,  PARTIAL_75,          false, partial_unchanged",
        "HOLD,                COLD, HOLD,                false, non_full_close_unchanged",
        "UPDATE_SL,           WARM, UPDATE_SL,           false, non_full_close_unchanged",
        "MANUAL_CLOSE,        HOT,  MANUAL_CLOSE,        false, non_full_close_unchanged",
    })
    void calibrationTableRow(String action, HeatBucket bucket, String calibrated, boolean downgraded, String reason) {
        Calibration c = ExitCalibrator.calibrate(action, heat("0.5000", bucket, HeatStatus.OK));
        assertThat(c).isEqualTo(new Calibration(action, calibrated, downgraded, reason));
    }

    @ParameterizedTest
    @CsvSource({"portfolio_state_missing, PORTFOLIO_STATE_MISSING", "invalid_equity, INVALID_EQUITY",
        "heat_calculation_error, HEAT_CALCULATION_ERROR"})
    void failClosedDowngradeCarriesTheFailureAsReason(String reason, HeatStatus status) {
        Calibration c = ExitCalibrator.calibrate("FULL_CLOSE_PROPOSED", heat("0.0000", HeatBucket.COLD, status));
        assertThat(c).isEqualTo(new Calibration("FULL_CLOSE_PROPOSED", "PARTIAL_25", true, reason));
    }

    @Test
    void fullCloseIsRecognisedTrimmedInAnyCase() {
        Calibration c = ExitCalibrator.calibrate("  full_close_proposed ", heat("0.1", HeatBucket.COLD, HeatStatus.OK));
        assertThat(c).isEqualTo(new Calibration("full_close_proposed", "PARTIAL_25", true, "portfolio_heat_cold"));
    }

    @Test
    void partialIsRecognisedInAnyCase() {
        Calibration c = ExitCalibrator.calibrate("partial_50", heat("0.1", HeatBucket.COLD, HeatStatus.OK));
        assertThat(c.reason()).isEqualTo("partial_unchanged");
        assertThat(c.downgraded()).isFalse();
    }
}
