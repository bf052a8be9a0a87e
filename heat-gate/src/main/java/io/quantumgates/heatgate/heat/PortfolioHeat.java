package io.quantumgates.heatgate.heat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** heat = Σ(|notional| × sigma) ÷ equity, rounded to 4 decimals, failing closed to COLD when equity is unusable. */
public final class PortfolioHeat {
    static final BigDecimal FAIL_CLOSED_VALUE = new BigDecimal("0.0000");
    private static final int SCALE = 4;

    private PortfolioHeat() {}

    /**
     * @param exposure the portfolio view's exposure
     * @param equity {@code equity_usd} as read from {@code quantum:state:portfolio}; empty when the hash or field is
     *     absent
     */
    public static Heat of(Exposure exposure, Optional<String> equity, HeatThresholds thresholds) {
        if (equity.isEmpty()) {
            return failClosed(HeatStatus.PORTFOLIO_STATE_MISSING, "", exposure, "");
        }
        String raw = equity.get();
        BigDecimal equityUsd = parseEquity(raw);
        if (equityUsd == null) {
            return failClosed(HeatStatus.INVALID_EQUITY, raw, exposure, raw);
        }
        try {
            BigDecimal value = exposure.weightedNotional().divide(equityUsd, SCALE, RoundingMode.HALF_UP);
            return new Heat(value, HeatBucket.of(value, thresholds), HeatStatus.OK, raw, exposure.symbols(), "");
        } catch (RuntimeException e) {
            return failClosed(HeatStatus.HEAT_CALCULATION_ERROR, raw, exposure, String.valueOf(e));
        }
    }

    private static Heat failClosed(HeatStatus status, String equity, Exposure exposure, String detail) {
        return new Heat(FAIL_CLOSED_VALUE, HeatBucket.COLD, status, equity, exposure.symbols(), detail);
    }

    /** Equity below 1 is unusable (the original divided by 1 instead, inflating heat). */
    private static BigDecimal parseEquity(String raw) {
        try {
            BigDecimal v = new BigDecimal(raw.trim());
            return v.compareTo(BigDecimal.ONE) < 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
