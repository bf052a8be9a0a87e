package io.quantumgates.common.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** {@code 2026-01-26 23:58:01 [WARNING] {prefix}message}, then the stack trace if any. */
final class TextLayout extends LayoutBase<ILoggingEvent> {
    private final String prefix;
    private final DateTimeFormatter time;

    TextLayout(String prefix, ZoneId zone) {
        this.prefix = prefix;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128)
                .append(time.format(event.getInstant()))
                .append(" [")
                .append(LevelName.of(event))
                .append("] ")
                .append(prefix)
                .append(event.getFormattedMessage())
                .append('\n');
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown).stripTrailing()).append('\n');
        }
        return line.toString();
    }
}
