package io.quantumgates.heatgate.heat;

/** Whether a heat value was computed ({@code ok}) or fell back to COLD (fail-closed), and why. */
public enum HeatStatus {
    OK("ok"),
    PORTFOLIO_STATE_MISSING("portfolio_state_missing"),
    INVALID_EQUITY("invalid_equity"),
    HEAT_CALCULATION_ERROR("heat_calculation_error");

    private final String code;

    HeatStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean failClosed() {
        return this != OK;
    }
}
