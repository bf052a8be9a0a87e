package io.quantumgates.governor.policy;

import java.util.Locale;
import java.util.Set;

/** CLOSE-class plans reduce risk and bypass the fund caps; everything else is OPEN-class (§3.2). */
public enum PlanClass {
    OPEN,
    CLOSE;

    private static final Set<String> CLOSE_ACTIONS = Set.of(
            "FULL_CLOSE_PROPOSED", "FULL_CLOSE", "PARTIAL_75", "PARTIAL_50", "PARTIAL_25", "MANUAL_CLOSE");

    /** What made a plan CLOSE-class, for the log line's suffix. */
    public enum Basis {
        ACTION(""),
        REDUCE_ONLY(" (reduceOnly=true)"),
        SIDE(" (side=CLOSE)"),
        NONE("");

        private final String logSuffix;

        Basis(String logSuffix) {
            this.logSuffix = logSuffix;
        }

        public String logSuffix() {
            return logSuffix;
        }
    }

    /** The class and what decided it; action first, then reduceOnly, then side. */
    public record Classification(PlanClass planClass, Basis basis) {}

    public static Classification classify(String action, String reduceOnly, String side) {
        if (action != null && CLOSE_ACTIONS.contains(action.strip().toUpperCase(Locale.ROOT))) {
            return new Classification(CLOSE, Basis.ACTION);
        }
        if (reduceOnly != null) {
            String r = reduceOnly.strip().toLowerCase(Locale.ROOT);
            if (r.equals("true") || r.equals("1")) {
                return new Classification(CLOSE, Basis.REDUCE_ONLY);
            }
        }
        if (side != null && side.strip().equalsIgnoreCase("CLOSE")) {
            return new Classification(CLOSE, Basis.SIDE);
        }
        return new Classification(OPEN, Basis.NONE);
    }
}
