package io.quantumgates.heatgate.calibration;

import io.quantumgates.heatgate.heat.Heat;

/**
 * {@code 🔍 SHADOW-COMPARE: {pid8} | proposal={a} vs calibrated={c} | heat={h:.4f} {BUCKET} | downgraded={True|False}
 * reason={r}}: the line the 24–48 h shadow analysis greps, so every character is fixed.
 */
public final class ShadowCompareLine {
    private ShadowCompareLine() {}

    public static String format(String planId, Calibration c, Heat heat) {
        return "🔍 SHADOW-COMPARE: " + LogLines.pid8(planId)
                + " | proposal=" + c.originalAction()
                + " vs calibrated=" + c.calibratedAction()
                + " | heat=" + heat.formatted() + " " + heat.bucket()
                + " | downgraded=" + (c.downgraded() ? "True" : "False")
                + " reason=" + c.reason();
    }
}
