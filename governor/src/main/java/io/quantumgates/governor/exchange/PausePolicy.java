package io.quantumgates.governor.exchange;

import io.quantumgates.common.binance.BinanceError;
import io.quantumgates.common.binance.BinanceException;
import java.time.Duration;
import java.util.Optional;

/**
 * How long to stay silent after a 429 or 418 (contract §5). Pure, except that it remembers how many 418s without a
 * {@code Retry-After} came in a row, to double the default ban pause.
 */
final class PausePolicy {
    static final long DEFAULT_BAN_MS = 120_000;

    private int bansWithoutHeader;

    /** The pause to take after {@code e} at {@code nowMs}, if it asks for one. */
    Optional<Duration> pauseFor(BinanceException e, long nowMs) {
        if (e.error() == BinanceError.RATE_LIMITED) {
            // absent Retry-After: until the next minute, when Binance's per-minute counter resets
            return Optional.of(e.retryAfter().orElse(Duration.ofMillis(60_000 - Math.floorMod(nowMs, 60_000L))));
        }
        if (e.error() == BinanceError.IP_BANNED) {
            if (e.retryAfter().isPresent()) {
                bansWithoutHeader = 0;
                return e.retryAfter();
            }
            long ms = DEFAULT_BAN_MS << Math.min(bansWithoutHeader, 10);
            bansWithoutHeader++;
            return Optional.of(Duration.ofMillis(ms));
        }
        return Optional.empty();
    }

    /** A good cycle ends a ban streak. */
    void succeeded() {
        bansWithoutHeader = 0;
    }

    /** Whole seconds for the log line, rounded up so "pausing 0s" never appears for a real pause. */
    static long seconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
