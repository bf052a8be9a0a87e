package io.quantumgates.common.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** {@code 2026-01-26 23:58:01 [WARNING] {prefix}message}, then the stack trace if any. */
final class TextLayout extends LayoutBase<ILoggingEvent> {
    private final String prefix;
    private final DateTimeFormatter time;

    /**
     * The stamp has one-second resolution and the daemons log thousands of lines a second: format it once per
     * second (the appender calls doLayout under its lock, but keep the pair consistent for any caller).
     */
    private record Stamp(long epochSecond, String text) {}

    private volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

    TextLayout(String prefix, ZoneId zone) {
        this.prefix = prefix;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        StringBuilder line = new StringBuilder(32 + prefix.length() + message.length())
                .append(stamp(event.getInstant()))
                .append(" [")
                .append(LevelName.of(event))
                .append("] ")
                .append(prefix)
                .append(message)
                .append('\n');
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown).stripTrailing()).append('\n');
        }
        return line.toString();
    }

    private String stamp(Instant instant) {
        Stamp current = last;
        if (current.epochSecond() != instant.getEpochSecond()) {
            current = new Stamp(instant.getEpochSecond(), time.format(instant));
            last = current;
        }
        return current.text();
    }
}
