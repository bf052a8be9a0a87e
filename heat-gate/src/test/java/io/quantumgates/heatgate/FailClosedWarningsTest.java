package io.quantumgates.heatgate;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.heatgate.heat.Heat;
import io.quantumgates.heatgate.heat.HeatBucket;
import io.quantumgates.heatgate.heat.HeatStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FailClosedWarningsTest {
    private final FailClosedWarnings warnings = new FailClosedWarnings();

    private static Heat heat(HeatStatus status) {
        return new Heat(new BigDecimal("0.0000"), HeatBucket.COLD, status, "", 0, "");
    }

    @Test
    void failClosedIsPrintedOnChangeAndAtMostOnceAMinute() {
        Heat missing = heat(HeatStatus.PORTFOLIO_STATE_MISSING);
        assertThat(warnings.shouldPrint(missing, 1_000)).isTrue();
        assertThat(warnings.shouldPrint(missing, 2_000)).isFalse();
        assertThat(warnings.shouldPrint(missing, 60_999)).isFalse();
        assertThat(warnings.shouldPrint(missing, 61_000)).isTrue();
        assertThat(warnings.shouldPrint(heat(HeatStatus.INVALID_EQUITY), 61_001)).isTrue();
        assertThat(warnings.shouldPrint(heat(HeatStatus.OK), 61_002)).isFalse();
        assertThat(warnings.shouldPrint(heat(HeatStatus.INVALID_EQUITY), 61_003)).isTrue();
    }
}
