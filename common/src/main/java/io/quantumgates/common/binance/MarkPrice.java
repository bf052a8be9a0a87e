package io.quantumgates.common.binance;

import java.math.BigDecimal;

/** One row of {@code GET /fapi/v1/premiumIndex}. */
public record MarkPrice(String symbol, BigDecimal markPrice, long time) {}
