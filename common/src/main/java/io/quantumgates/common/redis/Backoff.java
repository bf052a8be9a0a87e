package io.quantumgates.common.redis;

import java.math.BigDecimal;
import java.time.Duration;

/** Doubling waits with a cap; {@link #reset()} after a success. Not thread-safe: one per loop. */
final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration current;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** 0.5, 1, 2, 4, 5, 5, … s: the contract's "back-off ≤ 5 s" while Redis is down. */
    static Backoff startup() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    Duration next() {
        current = current == null ? first : min(current.multipliedBy(2), max);
        return current;
    }

    void reset() {
        current = null;
    }

    /** {@code 0.5}, {@code 1}, {@code 5}: seconds as an operator reads them. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
