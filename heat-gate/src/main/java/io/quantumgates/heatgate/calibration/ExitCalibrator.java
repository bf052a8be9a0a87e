package io.quantumgates.heatgate.calibration;

import io.quantumgates.heatgate.heat.Heat;
import io.quantumgates.heatgate.heat.HeatStatus;
import java.util.Locale;

/**
 * The contract's calibration table: a full close on a COLD book becomes PARTIAL_25, on a WARM one PARTIAL_75, on a HOT
 * one it stands; partials and everything else pass unchanged. A fail-closed COLD carries its failure as the reason so
 * shadow analysis can tell missing data from a genuinely cold book.
 */
public final class ExitCalibrator {
    static final String PARTIAL_25 = "PARTIAL_25";
    static final String PARTIAL_75 = "PARTIAL_75";

    private ExitCalibrator() {}

    /** @param action the proposed action, as sent (trimmed here; compared in any case) */
    public static Calibration calibrate(String action, Heat heat) {
        String original = action.trim();
        String normalized = original.toUpperCase(Locale.ROOT);
        if (isFullClose(normalized)) {
            return switch (heat.bucket()) {
                case COLD -> new Calibration(original, PARTIAL_25, true, coldReason(heat.status()));
                case WARM -> new Calibration(original, PARTIAL_75, true, "portfolio_heat_warm");
                case HOT -> new Calibration(original, original, false, "portfolio_heat_hot");
            };
        }
        if (normalized.startsWith("PARTIAL_")) {
            return new Calibration(original, original, false, "partial_unchanged");
        }
        return new Calibration(original, original, false, "non_full_close_unchanged");
    }

    static boolean isFullClose(String normalizedAction) {
        return normalizedAction.equals("FULL_CLOSE") || normalizedAction.equals("FULL_CLOSE_PROPOSED");
    }

    private static String coldReason(HeatStatus status) {
        return status.failClosed() ? status.code() : "portfolio_heat_cold";
    }
}
