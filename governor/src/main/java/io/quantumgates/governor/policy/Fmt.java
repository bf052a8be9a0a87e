package io.quantumgates.governor.policy;

import io.quantumgates.common.format.PyFloat;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-decimal formatting as Python's {@code format(x, '.2f')} does it: the exact binary value rounded half-even
 * (Java's {@code %.2f} rounds the decimal string half-up, so {@code 0.125} would differ).
 */
public final class Fmt {
    private Fmt() {}

    public static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return PyFloat.format(x);
        }
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code {:.2f}} */
    public static String money(double x) {
        return fixed(x, 2);
    }

    /** Epoch seconds with 3 decimals from epoch milliseconds: {@code 1769471881.204}. */
    public static String epochSeconds(long epochMillis) {
        return Math.floorDiv(epochMillis, 1000) + "." + String.format("%03d", Math.floorMod(epochMillis, 1000));
    }
}
