package io.quantumgates.governor.exchange;

import java.util.OptionalInt;

/** When the next cycle may start: the configured period, doubled while Binance reports heavy IP-wide use. Pure. */
final class PollPacing {
    private PollPacing() {}

    /**
     * The period to wait between cycles. {@code X-MBX-USED-WEIGHT-1M} ≥ 1920 means someone on this IP (us or
     * another process) is near the 2400 limit: double the period, but never beyond half the max age, so the
     * snapshot a decision reads is still fresh; never below the base period either.
     */
    static long periodMs(ExchangePollerSettings settings, OptionalInt usedWeight) {
        long base = settings.basePeriodMs();
        if (usedWeight.isEmpty() || usedWeight.getAsInt() < ExchangePollerSettings.USED_WEIGHT_SLOWDOWN) {
            return base;
        }
        return Math.max(base, Math.min(2 * base, settings.maxAgeMs() / 2));
    }
}
