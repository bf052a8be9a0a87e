package io.quantumgates.governor.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Counts this instance's {@code evaluation_error}s within a sliding window (300 s for the auto-disarm). */
final class ErrorWindow {
    private final Duration window;
    private final Deque<Instant> errors = new ArrayDeque<>();

    ErrorWindow(Duration window) {
        this.window = window;
    }

    /** Records one error at {@code now}; returns how many fall within the window ending now. */
    synchronized int record(Instant now) {
        errors.addLast(now);
        Instant from = now.minus(window);
        while (!errors.isEmpty() && !errors.peekFirst().isAfter(from)) {
            errors.removeFirst();
        }
        return errors.size();
    }
}
