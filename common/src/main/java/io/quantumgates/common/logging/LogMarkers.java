package io.quantumgates.common.logging;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** SLF4J has no CRITICAL level: log {@code error(CRITICAL, ...)} and the layouts print {@code CRITICAL}. */
public final class LogMarkers {
    public static final Marker CRITICAL = MarkerFactory.getMarker("CRITICAL");

    private LogMarkers() {}
}
