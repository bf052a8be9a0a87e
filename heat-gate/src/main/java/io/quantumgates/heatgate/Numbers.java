package io.quantumgates.heatgate;

import java.math.BigDecimal;

/** Number formats the contract names. */
public final class Numbers {
    private Numbers() {}

    /** Python {@code str(float)} for the values we print: always a fraction ({@code 0.25}, {@code 1.0}). */
    public static String pyfloat(BigDecimal v) {
        String s = v.stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}
