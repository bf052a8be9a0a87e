package io.quantumgates.heatgate.heat;

import java.math.BigDecimal;

/**
 * One heat computation.
 *
 * @param value rounded to 4 decimals (0.0000 when fail-closed)
 * @param bucket bucket of the rounded value (COLD when fail-closed)
 * @param status {@link HeatStatus#OK} or the fail-closed reason
 * @param equity {@code equity_usd} as read (empty when absent)
 * @param symbols symbols in the view
 * @param detail for a fail-closed status: what went wrong (the bad equity, the error); empty otherwise
 */
public record Heat(BigDecimal value, HeatBucket bucket, HeatStatus status, String equity, int symbols, String detail) {
    /** {@code heat_value} as written and logged: {@code %.4f}. */
    public String formatted() {
        return value.toPlainString();
    }
}
