package io.quantumgates.heatgate.heat;

import java.math.BigDecimal;
import java.util.Objects;

/** {@code HEAT_MIN} and {@code HEAT_MAX}; the config has already checked {@code min < max}. */
public record HeatThresholds(BigDecimal min, BigDecimal max) {
    public HeatThresholds {
        Objects.requireNonNull(min);
        Objects.requireNonNull(max);
        if (min.compareTo(max) >= 0) {
            throw new IllegalArgumentException("HEAT_MIN must be below HEAT_MAX");
        }
    }

    public static HeatThresholds defaults() {
        return new HeatThresholds(new BigDecimal("0.25"), new BigDecimal("0.65"));
    }
}
