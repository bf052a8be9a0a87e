package io.quantumgates.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback programmatically, first thing in {@code main}: stdout, text lines
 * {@code yyyy-MM-dd HH:mm:ss [LEVEL] {prefix}message} (host local time; WARN printed {@code WARNING}, ERROR with the
 * {@link LogMarkers#CRITICAL} marker printed {@code CRITICAL}), or with format {@code json} one JSON object per line:
 * {@code ts} (ISO-8601 UTC), {@code level}, {@code service}, {@code msg} (prefix included) plus the MDC keys
 * {@code plan_id}, {@code symbol}, {@code reason}, {@code outcome} when set. Library loggers (Lettuce, Netty,
 * OkHttp, Reactor) are kept at WARN (or the root level when that is stricter).
 *
 * <p>Bytes are UTF-8 whatever the platform charset, so emoji survive a {@code POSIX} locale under systemd. Until
 * {@code configure} runs, {@link DefaultLoggingConfigurator} gives the same text format at INFO.
 */
public final class LoggingSetup {
    static final List<String> LIBRARY_LOGGERS = List.of("io.lettuce", "io.netty", "okhttp3", "reactor");

    private LoggingSetup() {}

    /**
     * @param service e.g. {@code quantum-governor} (JSON {@code service})
     * @param messagePrefix e.g. {@code "[P2.6-HEAT-GATE] "} or {@code ""}
     * @param format {@code text} or {@code json} (any case)
     * @param level {@code DEBUG}, {@code INFO}, {@code WARNING} (or {@code WARN}) or {@code ERROR} (any case)
     * @throws IllegalArgumentException for another format or level
     */
    public static void configure(String service, String messagePrefix, String format, String level) {
        configure(service, messagePrefix, format, level, null);
    }

    /** As {@link #configure(String, String, String, String)}, writing to {@code out} instead of stdout (tests). */
    static void configure(String service, String messagePrefix, String format, String level, OutputStream out) {
        Layout<ILoggingEvent> layout = layout(service, messagePrefix, format);
        Level root = level(level);
        configure(context(), layout, root, out);
    }

    static void configure(LoggerContext context, Layout<ILoggingEvent> layout, Level rootLevel, OutputStream out) {
        context.reset();
        layout.setContext(context);
        layout.start();

        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();

        OutputStreamAppender<ILoggingEvent> appender;
        if (out == null) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.out");
            appender = console;
        } else {
            appender = new OutputStreamAppender<>();
        }
        appender.setName("stdout");
        appender.setContext(context);
        appender.setEncoder(encoder);
        if (out != null) {
            appender.setOutputStream(out);
        }
        appender.start();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel);
        root.addAppender(appender);
        Level libraries = rootLevel.isGreaterOrEqual(Level.WARN) ? rootLevel : Level.WARN;
        for (String name : LIBRARY_LOGGERS) {
            context.getLogger(name).setLevel(libraries);
        }
    }

    static Layout<ILoggingEvent> layout(String service, String messagePrefix, String format) {
        switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "text":
                return new TextLayout(messagePrefix, ZoneId.systemDefault());
            case "json":
                return new JsonLayout(service, messagePrefix);
            default:
                throw new IllegalArgumentException("log format must be text or json, not '" + format + "'");
        }
    }

    static Level level(String level) {
        switch (level.trim().toUpperCase(Locale.ROOT)) {
            case "DEBUG":
                return Level.DEBUG;
            case "INFO":
                return Level.INFO;
            case "WARNING":
            case "WARN":
                return Level.WARN;
            case "ERROR":
                return Level.ERROR;
            default:
                throw new IllegalArgumentException("log level must be DEBUG, INFO, WARNING or ERROR, not '" + level + "'");
        }
    }

    private static LoggerContext context() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            return context;
        }
        throw new IllegalStateException("SLF4J is not bound to Logback but to " + factory.getClass().getName());
    }
}
