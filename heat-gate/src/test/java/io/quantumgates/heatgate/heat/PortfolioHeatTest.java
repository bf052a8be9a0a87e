package io.quantumgates.heatgate.heat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortfolioHeatTest {
    private static final HeatThresholds DEFAULTS = HeatThresholds.defaults();
    private static final long NOW = 1_769_472_300_000L;

    private static Exposure ethPosition() {
        PortfolioView view = new PortfolioView(300_000);
        view.apply(Map.of("symbol", "ETHUSDT", "position_notional_usd", "1800", "sigma", "0.15"), NOW);
        return view.exposure(NOW);
    }

    @Test
    void contractExampleWithTenThousandEquityIsCold() {
        Heat heat = PortfolioHeat.of(ethPosition(), Optional.of("10000"), DEFAULTS);
        assertThat(heat.formatted()).isEqualTo("0.0270");
        assertThat(heat.bucket()).isEqualTo(HeatBucket.COLD);
        assertThat(heat.status()).isEqualTo(HeatStatus.OK);
        assertThat(heat.symbols()).isEqualTo(1);
        assertThat(heat.equity()).isEqualTo("10000");
    }

    @Test
    void contractExampleWithThousandEquityIsWarm() {
        Heat heat = PortfolioHeat.of(ethPosition(), Optional.of("1000"), DEFAULTS);
        assertThat(heat.formatted()).isEqualTo("0.2700");
        assertThat(heat.bucket()).isEqualTo(HeatBucket.WARM);
    }

    @Test
    void contractExampleWithFourHundredEquityIsHot() {
        Heat heat = PortfolioHeat.of(ethPosition(), Optional.of("400"), DEFAULTS);
        assertThat(heat.formatted()).isEqualTo("0.6750");
        assertThat(heat.bucket()).isEqualTo(HeatBucket.HOT);
    }

    @Test
    void missingPortfolioStateFailsClosedToCold() {
        Heat heat = PortfolioHeat.of(ethPosition(), Optional.empty(), DEFAULTS);
        assertThat(heat.formatted()).isEqualTo("0.0000");
        assertThat(heat.bucket()).isEqualTo(HeatBucket.COLD);
        assertThat(heat.status()).isEqualTo(HeatStatus.PORTFOLIO_STATE_MISSING);
        assertThat(heat.status().code()).isEqualTo("portfolio_state_missing");
    }

    @Test
    void equityBelowOneNonNumericOrNonFiniteFailsClosedAsInvalidEquity() {
        for (String bad : new String[] {"0.5", "0", "-100", "abc", "NaN", "Infinity", "inf", ""}) {
            Heat heat = PortfolioHeat.of(ethPosition(), Optional.of(bad), DEFAULTS);
            assertThat(heat.status()).as(bad).isEqualTo(HeatStatus.INVALID_EQUITY);
            assertThat(heat.bucket()).as(bad).isEqualTo(HeatBucket.COLD);
            assertThat(heat.formatted()).as(bad).isEqualTo("0.0000");
            assertThat(heat.detail()).as(bad).isEqualTo(bad);
        }
    }

    @Test
    void equityOfExactlyOneIsUsable() {
        Heat heat = PortfolioHeat.of(new Exposure(new BigDecimal("0.5"), 1), Optional.of("1"), DEFAULTS);
        assertThat(heat.status()).isEqualTo(HeatStatus.OK);
        assertThat(heat.formatted()).isEqualTo("0.5000");
    }

    @Test
    void bucketIsTakenFromTheRoundedValueSoTheyAlwaysAgree() {
        // 0.24996 rounds to 0.2500, which is WARM (HEAT_MIN <= WARM)
        Heat heat = PortfolioHeat.of(new Exposure(new BigDecimal("0.24996"), 1), Optional.of("1"), DEFAULTS);
        assertThat(heat.formatted()).isEqualTo("0.2500");
        assertThat(heat.bucket()).isEqualTo(HeatBucket.WARM);
    }

    @Test
    void thresholdsAreInclusiveAtTheirLowerEdge() {
        assertThat(HeatBucket.of(new BigDecimal("0.2499"), DEFAULTS)).isEqualTo(HeatBucket.COLD);
        assertThat(HeatBucket.of(new BigDecimal("0.2500"), DEFAULTS)).isEqualTo(HeatBucket.WARM);
        assertThat(HeatBucket.of(new BigDecimal("0.6499"), DEFAULTS)).isEqualTo(HeatBucket.WARM);
        assertThat(HeatBucket.of(new BigDecimal("0.6500"), DEFAULTS)).isEqualTo(HeatBucket.HOT);
    }

    @Test
    void emptyPortfolioIsColdButOk() {
        Heat heat = PortfolioHeat.of(Exposure.EMPTY, Optional.of("10000"), DEFAULTS);
        assertThat(heat.formatted()).isEqualTo("0.0000");
        assertThat(heat.status()).isEqualTo(HeatStatus.OK);
        assertThat(heat.bucket()).isEqualTo(HeatBucket.COLD);
    }
}
