package io.quantumgates.governor.policy;

import io.quantumgates.common.format.PyFloat;
import java.math.BigDecimal;

/** The Governor's caps and gates (§2.3). Decimal caps print as Python floats ({@code 200.0}) everywhere. */
public record Limits(
        int maxOpenPositions,
        BigDecimal maxNotionalPerTrade,
        BigDecimal maxTotalNotional,
        int symbolCooldownSeconds,
        int maxExecPerHour,
        int maxExecPer5min,
        BigDecimal maxReduceNotionalPerDay,
        BigDecimal maxReduceQtyPerDay,
        BigDecimal killScoreCritical) {

    public static Limits defaults() {
        return new Limits(10, new BigDecimal("200"), new BigDecimal("2000"), 60, 3, 2, new BigDecimal("5000"),
                new BigDecimal("0.02"), new BigDecimal("0.8"));
    }

    public static String shown(BigDecimal cap) {
        return PyFloat.format(cap.doubleValue());
    }

    public String perTradeShown() {
        return shown(maxNotionalPerTrade);
    }

    public String totalShown() {
        return shown(maxTotalNotional);
    }

    public String dailyShown() {
        return shown(maxReduceNotionalPerDay);
    }

    public String killScoreShown() {
        return shown(killScoreCritical);
    }
}
