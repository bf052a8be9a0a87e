package io.quantumgates.common.binance;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /fapi/v3/account} (or v2), the fields we read. Money is exact. */
public record Account(
        BigDecimal totalWalletBalance,
        BigDecimal availableBalance,
        BigDecimal totalMarginBalance,
        BigDecimal totalInitialMargin,
        BigDecimal totalUnrealizedProfit,
        List<Position> positions) {

    /** One row of {@code positions[]}; {@code notional} is {@link BigDecimal#ZERO} when absent. */
    public record Position(
            String symbol, String positionSide, BigDecimal positionAmt, BigDecimal notional, BigDecimal unrealizedProfit) {}
}
