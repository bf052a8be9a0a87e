package io.quantumgates.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Synthetic symbols {@code B001USDT} … with deterministic marks, so every OPEN has a price. */
final class Symbols {
    private Symbols() {}

    static List<String> names(int count) {
        List<String> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            out.add(String.format(Locale.ROOT, "B%03dUSDT", k));
        }
        return out;
    }

    /** Mark of the k-th symbol: 1.00 … 50.00 USDT. */
    static double mark(int k) {
        return 1.0 + (k * 7 % 50);
    }

    static String decimal(double x, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }
}
