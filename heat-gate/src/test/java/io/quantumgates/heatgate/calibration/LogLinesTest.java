package io.quantumgates.heatgate.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.heatgate.heat.Heat;
import io.quantumgates.heatgate.heat.HeatBucket;
import io.quantumgates.heatgate.heat.HeatStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LogLinesTest {
    private static final Heat COLD = new Heat(new BigDecimal("0.0270"), HeatBucket.COLD, HeatStatus.OK, "10000", 1, "");
    private static final Calibration DOWN =
            new Calibration("FULL_CLOSE_PROPOSED", "PARTIAL_25", true, "portfolio_heat_cold");

    @Test
    void shadowCompareLineMatchesTheContractExample() {
        assertThat(ShadowCompareLine.format("test1", DOWN, COLD))
                .isEqualTo("🔍 SHADOW-COMPARE: test1 | proposal=FULL_CLOSE_PROPOSED vs calibrated=PARTIAL_25"
                        + " | heat=0.0270 COLD | downgraded=True reason=portfolio_heat_cold");
    }

    @Test
    void shadowCompareLineSaysFalseForAPass() {
        Heat hot = new Heat(new BigDecimal("0.6750"), HeatBucket.HOT, HeatStatus.OK, "400", 1, "");
        Calibration pass = new Calibration("FULL_CLOSE", "FULL_CLOSE", false, "portfolio_heat_hot");
        assertThat(ShadowCompareLine.format("9f3a61c2d4b7e810", pass, hot))
                .isEqualTo("🔍 SHADOW-COMPARE: 9f3a61c2 | proposal=FULL_CLOSE vs calibrated=FULL_CLOSE"
                        + " | heat=0.6750 HOT | downgraded=False reason=portfolio_heat_hot");
    }

    @Test
    void derivedPlanIdShortensToP26AndFourDigits() {
        assertThat(LogLines.pid8("p26-1769472300000-0")).isEqualTo("p26-1769");
        assertThat(LogLines.pid8("abc")).isEqualTo("abc");
    }

    @Test
    void downgradeLineHasTwoSpacesAfterTheWarningSign() {
        assertThat(LogLines.downgrade("ETHUSDT", DOWN, COLD))
                .isEqualTo("⚠️  DOWNGRADE: ETHUSDT FULL_CLOSE_PROPOSED → PARTIAL_25 (heat=0.0270 COLD,"
                        + " reason=portfolio_heat_cold)");
    }

    @Test
    void proposalPassAndEnforceLinesMatchTheContract() {
        assertThat(LogLines.proposal("test1", "ETHUSDT", "FULL_CLOSE_PROPOSED"))
                .isEqualTo("📥 Proposal: test1 | ETHUSDT FULL_CLOSE_PROPOSED");
        Heat hot = new Heat(new BigDecimal("0.8825"), HeatBucket.HOT, HeatStatus.OK, "1", 1, "");
        assertThat(LogLines.pass("ETHUSDT", new Calibration("FULL_CLOSE", "FULL_CLOSE", false, "portfolio_heat_hot"), hot))
                .isEqualTo("✅ PASS: ETHUSDT FULL_CLOSE (heat=0.8825 HOT)");
        assertThat(LogLines.enforce("test1", "ETHUSDT", DOWN, "quantum:harvest:proposal:ETHUSDT", "1-0"))
                .isEqualTo("📤 ENFORCE: test1 | ETHUSDT FULL_CLOSE_PROPOSED→PARTIAL_25"
                        + " | hash=quantum:harvest:proposal:ETHUSDT stream=1-0");
    }

    @Test
    void operatorLinesMatchTheContract() {
        assertThat(LogLines.hashWriteFailed("ETHUSDT", "WRONGTYPE"))
                .isEqualTo("❌ HASH WRITE FAILED for ETHUSDT: WRONGTYPE - FAIL-OPEN (keeping original proposal)");
        assertThat(LogLines.missingFields("1-0", "missing_symbol"))
                .isEqualTo("Missing required fields in proposal: 1-0 (missing_symbol) - dead-lettered");
        assertThat(LogLines.deadLettered("1-0", "quantum:stream:harvest.proposal.dlq", "max_deliveries_exceeded"))
                .isEqualTo("DLQ: entry 1-0 -> quantum:stream:harvest.proposal.dlq (max_deliveries_exceeded)");
        assertThat(LogLines.portfolioHeat(COLD)).isEqualTo("📊 Portfolio Heat: 0.0270 (COLD)");
        assertThat(LogLines.initialPortfolioHeat(COLD)).isEqualTo("📊 Initial Portfolio Heat: 0.0270 (COLD)");
    }

    @Test
    void failClosedLinesNameTheProblem() {
        Heat missing = new Heat(new BigDecimal("0.0000"), HeatBucket.COLD, HeatStatus.PORTFOLIO_STATE_MISSING, "", 0, "");
        Heat invalid = new Heat(new BigDecimal("0.0000"), HeatBucket.COLD, HeatStatus.INVALID_EQUITY, "0.5", 0, "0.5");
        assertThat(LogLines.failClosed(missing)).isEqualTo("Portfolio state missing - FAIL-CLOSED");
        assertThat(LogLines.failClosed(invalid)).isEqualTo("Invalid equity: 0.5 - FAIL-CLOSED");
        assertThat(LogLines.failClosed(COLD)).isEmpty();
    }
}
