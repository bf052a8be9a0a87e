package io.quantumgates.heatgate.calibration;

import io.quantumgates.heatgate.heat.Heat;

/** The contract's §4.7 per-entry log lines, character for character (the logger adds {@code [P2.6-HEAT-GATE] }). */
public final class LogLines {
    private LogLines() {}

    /** First 8 characters of the plan id (a derived {@code p26-…} id gives {@code p26-} plus 4 digits). */
    public static String pid8(String planId) {
        return planId.length() <= 8 ? planId : planId.substring(0, 8);
    }

    public static String proposal(String planId, String symbol, String action) {
        return "📥 Proposal: " + pid8(planId) + " | " + symbol + " " + action;
    }

    public static String downgrade(String symbol, Calibration c, Heat heat) {
        return "⚠️  DOWNGRADE: " + symbol + " " + c.originalAction() + " → " + c.calibratedAction()
                + " (heat=" + heat.formatted() + " " + heat.bucket() + ", reason=" + c.reason() + ")";
    }

    public static String pass(String symbol, Calibration c, Heat heat) {
        return "✅ PASS: " + symbol + " " + c.calibratedAction() + " (heat=" + heat.formatted() + " " + heat.bucket() + ")";
    }

    public static String enforce(String planId, String symbol, Calibration c, String hashKey, String outputId) {
        return "📤 ENFORCE: " + pid8(planId) + " | " + symbol + " " + c.originalAction() + "→" + c.calibratedAction()
                + " | hash=" + hashKey + " stream=" + outputId;
    }

    public static String hashWriteFailed(String symbol, String error) {
        return "❌ HASH WRITE FAILED for " + symbol + ": " + error + " - FAIL-OPEN (keeping original proposal)";
    }

    public static String missingFields(String streamId, String reason) {
        return "Missing required fields in proposal: " + streamId + " (" + reason + ") - dead-lettered";
    }

    public static String deadLettered(String streamId, String dlqStream, String reason) {
        return "DLQ: entry " + streamId + " -> " + dlqStream + " (" + reason + ")";
    }

    public static String portfolioHeat(Heat heat) {
        return "📊 Portfolio Heat: " + heat.formatted() + " (" + heat.bucket() + ")";
    }

    public static String initialPortfolioHeat(Heat heat) {
        return "📊 Initial Portfolio Heat: " + heat.formatted() + " (" + heat.bucket() + ")";
    }

    /** The fail-closed WARNING/ERROR text for a heat that could not be computed; empty for {@code ok}. */
    public static String failClosed(Heat heat) {
        return switch (heat.status()) {
            case OK -> "";
            case PORTFOLIO_STATE_MISSING -> "Portfolio state missing - FAIL-CLOSED";
            case INVALID_EQUITY -> "Invalid equity: " + heat.detail() + " - FAIL-CLOSED";
            case HEAT_CALCULATION_ERROR -> "Failed to calculate portfolio heat: " + heat.detail();
        };
    }
}
