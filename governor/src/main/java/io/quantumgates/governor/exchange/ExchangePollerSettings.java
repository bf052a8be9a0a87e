package io.quantumgates.governor.exchange;

/**
 * The poller's knobs, as plain values (the governor's config record maps {@code GOV_EXCHANGE_POLL_MS},
 * {@code GOV_EXCHANGE_MAX_AGE_MS} and {@code GOV_CONSUMER_NAME} onto it).
 *
 * @param pollMs configured poll period ({@code GOV_EXCHANGE_POLL_MS})
 * @param maxAgeMs snapshot max age ({@code GOV_EXCHANGE_MAX_AGE_MS}); caps the slowed-down period at half of it
 * @param instance the name written into the lease
 */
public record ExchangePollerSettings(long pollMs, long maxAgeMs, String instance) {
    /** Own weight per rolling minute (contract §2.3, fixed). */
    public static final int OWN_WEIGHT_PER_MINUTE = 1200;
    /** Weight of one cycle: {@code /fapi/v3/account} (5) + {@code /fapi/v1/premiumIndex} without symbol (10). */
    public static final int CYCLE_WEIGHT = 15;
    /** The budget stretches the period to at least this: 60 000 ms ÷ (1200 ÷ 15) = 750 ms. */
    public static final long MIN_PERIOD_MS = 60_000L * CYCLE_WEIGHT / OWN_WEIGHT_PER_MINUTE;
    /** {@code X-MBX-USED-WEIGHT-1M} at or above this (80 % of Binance's 2400) slows the poll. */
    public static final int USED_WEIGHT_SLOWDOWN = 1920;

    public ExchangePollerSettings {
        if (pollMs <= 0 || maxAgeMs <= 0) {
            throw new IllegalArgumentException("pollMs and maxAgeMs must be positive");
        }
        if (instance == null || instance.isBlank()) {
            throw new IllegalArgumentException("instance must be named");
        }
    }

    /** The configured period stretched by the weight budget. */
    public long basePeriodMs() {
        return Math.max(pollMs, MIN_PERIOD_MS);
    }

    /** {@code quantum:governor:exchange:lease} PX: max(3 × poll, 3000). */
    public long leaseMs() {
        return Math.max(3 * pollMs, 3000);
    }
}
