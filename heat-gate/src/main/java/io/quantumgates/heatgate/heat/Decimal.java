package io.quantumgates.heatgate.heat;

import java.math.BigDecimal;

/** A numeric field as read: absent, garbage, or an exact finite decimal. */
public record Decimal(BigDecimal value, boolean garbage) {
    private static final Decimal ABSENT = new Decimal(null, false);
    private static final Decimal GARBAGE = new Decimal(null, true);

    public static Decimal of(String raw) {
        if (raw == null || raw.isBlank()) {
            return ABSENT;
        }
        try {
            return new Decimal(new BigDecimal(raw.trim()), false);
        } catch (NumberFormatException e) {
            return GARBAGE;
        }
    }

    public boolean present() {
        return value != null;
    }

    public boolean positive() {
        return value != null && value.signum() > 0;
    }
}
