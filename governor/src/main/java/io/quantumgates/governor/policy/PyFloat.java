package io.quantumgates.governor.policy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code str(float)}: the shortest digits that read back as the same double, fixed notation for
 * 1e-4 ≤ |x| < 1e16 (always with a fraction: {@code 200.0}), else {@code 1e+16} / {@code 1.5e-05}. Java 17's
 * {@code Double.toString} is neither shortest in every case nor formatted the same, hence this.
 *
 * <p>Governor's own copy until {@code io.quantumgates.common.format.PyFloat} lands in common.
 */
public final class PyFloat {
    private PyFloat() {}

    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(x);
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == x) {
                shortest = r;
                break;
            }
        }
        String sign = x < 0 ? "-" : "";
        BigDecimal abs = shortest.abs().stripTrailingZeros();
        String digits = abs.unscaledValue().toString();
        int exponent = digits.length() - 1 - abs.scale(); // position of the first digit
        if (exponent >= -4 && exponent < 16) {
            String plain = abs.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
