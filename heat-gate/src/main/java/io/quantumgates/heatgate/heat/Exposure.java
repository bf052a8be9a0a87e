package io.quantumgates.heatgate.heat;

import java.math.BigDecimal;

/**
 * The portfolio's sigma-weighted exposure at one instant.
 *
 * @param weightedNotional Σ |notional| × sigma over the live symbols (exact)
 * @param symbols how many symbols are held (those without a sigma included)
 */
public record Exposure(BigDecimal weightedNotional, int symbols) {
    public static final Exposure EMPTY = new Exposure(BigDecimal.ZERO, 0);
}
