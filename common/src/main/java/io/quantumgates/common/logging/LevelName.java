package io.quantumgates.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import org.slf4j.Marker;

/** Python's level names: {@code WARNING} for WARN, {@code CRITICAL} for ERROR with the CRITICAL marker. */
final class LevelName {
    private LevelName() {}

    static String of(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level == Level.WARN) {
            return "WARNING";
        }
        if (level == Level.ERROR && critical(event.getMarkerList())) {
            return "CRITICAL";
        }
        return level.toString();
    }

    private static boolean critical(List<Marker> markers) {
        if (markers == null) {
            return false;
        }
        for (Marker m : markers) {
            if (m.contains(LogMarkers.CRITICAL)) {
                return true;
            }
        }
        return false;
    }
}
