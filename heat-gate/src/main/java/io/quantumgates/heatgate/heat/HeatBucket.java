package io.quantumgates.heatgate.heat;

import java.math.BigDecimal;

/** Where a heat value falls: {@code COLD < HEAT_MIN <= WARM < HEAT_MAX <= HOT}. */
public enum HeatBucket {
    COLD,
    WARM,
    HOT;

    public static HeatBucket of(BigDecimal heat, HeatThresholds thresholds) {
        if (heat.compareTo(thresholds.min()) < 0) {
            return COLD;
        }
        return heat.compareTo(thresholds.max()) < 0 ? WARM : HOT;
    }
}
