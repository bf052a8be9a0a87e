package io.quantumgates.governor.policy;

import java.util.Locale;
import java.util.Optional;

/** Reading of {@code quantum:kill} (§3.2); the decide script applies the same rule inside Redis. */
public enum KillSwitch {
    ACTIVE(1),
    INACTIVE(0),
    UNREADABLE(-1);

    private final int gauge;

    KillSwitch(int gauge) {
        this.gauge = gauge;
    }

    /** {@code quantum_govern_kill_switch}: 1, 0 or -1. */
    public int gaugeValue() {
        return gauge;
    }

    /** @param value the key's string value; empty when the key is absent */
    public static KillSwitch parse(Optional<String> value) {
        if (value.isEmpty()) {
            return INACTIVE;
        }
        String v = value.get().strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "1", "true", "on" -> ACTIVE;
            case "0", "false", "off", "" -> INACTIVE;
            default -> UNREADABLE;
        };
    }
}
