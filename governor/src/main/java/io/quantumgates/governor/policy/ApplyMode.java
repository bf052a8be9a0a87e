package io.quantumgates.governor.policy;

import java.util.Arrays;
import java.util.Optional;

/** {@code APPLY_MODE}. */
public enum ApplyMode {
    TESTNET("testnet", "Testnet mode - applying fund caps for plan "),
    DRY_RUN("dry_run", "Dry-run mode - auto-approving plan "),
    PRODUCTION("production", "Production mode - applying risk gates for plan ");

    private final String code;
    private final String modeLine;

    ApplyMode(String code, String modeLine) {
        this.code = code;
        this.modeLine = modeLine;
    }

    public String code() {
        return code;
    }

    /** The step-4 line, without symbol and plan id. */
    String modeLine() {
        return modeLine;
    }

    public static Optional<ApplyMode> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
