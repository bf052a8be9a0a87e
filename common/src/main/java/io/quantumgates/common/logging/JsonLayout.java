package io.quantumgates.common.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per line: {@code ts}, {@code level}, {@code service}, {@code msg}, then the entry keys from the
 * MDC when set, then {@code exception} (the stack trace) when there is one.
 */
final class JsonLayout extends LayoutBase<ILoggingEvent> {
    static final List<String> MDC_KEYS = List.of("plan_id", "symbol", "reason", "outcome");
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    private final String service;
    private final String prefix;

    JsonLayout(String service, String prefix) {
        this.service = service;
        this.prefix = prefix;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("ts", TS.format(event.getInstant()));
            json.writeStringField("level", LevelName.of(event));
            json.writeStringField("service", service);
            json.writeStringField("msg", prefix + event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            for (String key : MDC_KEYS) {
                String value = mdc == null ? null : mdc.get(key);
                if (value != null) {
                    json.writeStringField(key, value);
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                json.writeStringField("exception", ThrowableProxyUtil.asString(thrown).stripTrailing());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }
}
