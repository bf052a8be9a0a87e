package io.quantumgates.governor.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Epoch-second strings from Redis records shown as host local time, the way the daemon's log lines show time. */
final class Times {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {}

    /** {@code 1769471881.204} → {@code 2026-01-26 23:58:01}; anything unparsable is shown as given. */
    static String local(String epochSeconds) {
        if (epochSeconds == null || epochSeconds.isBlank()) {
            return "?";
        }
        try {
            long millis = new BigDecimal(epochSeconds.strip()).movePointRight(3).longValue();
            return LOCAL.format(Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault()));
        } catch (NumberFormatException e) {
            return epochSeconds;
        }
    }

    static String localMillis(long epochMillis) {
        return LOCAL.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
    }
}
