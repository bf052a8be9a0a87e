package io.quantumgates.governor.policy;

/** A log line the daemon prints as is. CRITICAL is SLF4J ERROR with the CRITICAL marker. */
public record LogLine(Level level, String text) {
    public enum Level {
        DEBUG,
        INFO,
        WARNING,
        ERROR,
        CRITICAL
    }

    static LogLine info(String text) {
        return new LogLine(Level.INFO, text);
    }

    static LogLine warning(String text) {
        return new LogLine(Level.WARNING, text);
    }

    static LogLine critical(String text) {
        return new LogLine(Level.CRITICAL, text);
    }
}
