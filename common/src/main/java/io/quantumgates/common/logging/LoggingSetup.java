package io.quantumgates.common.logging;

/**
 * Configures Logback programmatically, first thing in {@code main}: stdout, text lines
 * {@code yyyy-MM-dd HH:mm:ss [LEVEL] {prefix}message} (host local time; WARN printed {@code WARNING}, ERROR with the
 * {@link LogMarkers#CRITICAL} marker printed {@code CRITICAL}), or with format {@code json} one JSON object per line:
 * {@code ts} (ISO-8601 UTC), {@code level}, {@code service}, {@code msg} (prefix included) plus the MDC keys
 * {@code plan_id}, {@code symbol}, {@code reason}, {@code outcome} when set. Library loggers (Lettuce, Netty,
 * OkHttp) are kept at WARN.
 *
 * <p>API agreed across modules; the body is filled in by the config/logging work.
 */
public final class LoggingSetup {
    private LoggingSetup() {}

    /**
     * @param service e.g. {@code quantum-governor} (JSON {@code service})
     * @param messagePrefix e.g. {@code "[P2.6-HEAT-GATE] "} or {@code ""}
     * @param format {@code text} or {@code json}
     * @param level {@code DEBUG}, {@code INFO}, {@code WARNING} or {@code ERROR}
     */
    public static void configure(String service, String messagePrefix, String format, String level) {
        throw new UnsupportedOperationException("todo");
    }
}
