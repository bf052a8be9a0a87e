package io.quantumgates.common.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LoggingSetupTest {
    private static final String STAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Logger log = LoggerFactory.getLogger("io.quantumgates.heatgate.Test");

    @AfterEach
    void restoreDefault() {
        MDC.clear();
        new DefaultLoggingConfigurator().configure((LoggerContext) LoggerFactory.getILoggerFactory());
    }

    private String[] lines() {
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void textLinesCarryLocalTimePythonLevelNamesAndThePrefix() {
        LoggingSetup.configure("quantum-heat-gate", "[P2.6-HEAT-GATE] ", "text", "INFO", out);

        log.info("🚀 Portfolio Heat Gate started");
        log.warn("⚠️  DOWNGRADE: ETHUSDT FULL_CLOSE_PROPOSED → PARTIAL_25 (heat=0.0270 COLD, reason=portfolio_heat_cold)");
        log.error("❌ HASH WRITE FAILED for ETHUSDT: boom - FAIL-OPEN (keeping original proposal)");
        log.error(LogMarkers.CRITICAL, "Redis state lost (consumer group missing) - kill switch and disarm latch were reset");
        log.debug("not shown at INFO");

        assertThat(lines()).satisfiesExactly(
                l -> assertThat(l).matches(STAMP + " \\[INFO\\] \\[P2\\.6-HEAT-GATE\\] 🚀 Portfolio Heat Gate started"),
                l -> assertThat(l).matches(STAMP + " \\[WARNING\\] \\[P2\\.6-HEAT-GATE\\] ⚠️  DOWNGRADE: ETHUSDT FULL_CLOSE_PROPOSED → PARTIAL_25 \\(heat=0\\.0270 COLD, reason=portfolio_heat_cold\\)"),
                l -> assertThat(l).matches(STAMP + " \\[ERROR\\] \\[P2\\.6-HEAT-GATE\\] ❌ HASH WRITE FAILED .*"),
                l -> assertThat(l).matches(STAMP + " \\[CRITICAL\\] \\[P2\\.6-HEAT-GATE\\] Redis state lost .*"));
    }

    @Test
    void textTimestampIsTheEventTimeInTheGivenZone() {
        TextLayout layout = new TextLayout("", ZoneId.of("Europe/Oslo"));
        LoggingEvent event = event(Level.WARN, "BTCUSDT: Cooldown active - 48.8s remaining");
        event.setInstant(Instant.parse("2026-01-26T22:58:12.404Z"));

        assertThat(layout.doLayout(event)).isEqualTo("2026-01-26 23:58:12 [WARNING] BTCUSDT: Cooldown active - 48.8s remaining\n");
    }

    @Test
    void textTimestampFollowsEachEventAcrossSecondsAndBackwards() {
        TextLayout layout = new TextLayout("", ZoneId.of("UTC"));
        String[] instants = {"2026-01-26T23:58:12.004Z", "2026-01-26T23:58:12.998Z", "2026-01-26T23:58:13.000Z",
                "2026-01-26T23:58:12.500Z"};
        StringBuilder stamps = new StringBuilder();
        for (String at : instants) {
            LoggingEvent event = event(Level.INFO, "x");
            event.setInstant(Instant.parse(at));
            stamps.append(layout.doLayout(event), 0, 19).append('|');
        }

        assertThat(stamps).hasToString(
                "2026-01-26 23:58:12|2026-01-26 23:58:12|2026-01-26 23:58:13|2026-01-26 23:58:12|");
    }

    @Test
    void exceptionsFollowTheLine() {
        LoggingSetup.configure("quantum-governor", "", "text", "INFO", out);

        log.error("Binance API error", new IllegalStateException("bad json"));

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).matches("(?s)" + STAMP + " \\[ERROR\\] Binance API error\njava.lang.IllegalStateException: bad json\n\tat .*\n");
    }

    @Test
    void debugLevelShowsDebugAndLibrariesStayAtWarn() {
        LoggingSetup.configure("quantum-governor", "", "text", "debug", out);

        log.debug("detail");
        LoggerFactory.getLogger("io.lettuce.core.RedisClient").info("library chatter");
        LoggerFactory.getLogger("io.netty.channel.X").debug("library chatter");
        LoggerFactory.getLogger("io.lettuce.core.RedisClient").warn("library warning");

        assertThat(lines()).satisfiesExactly(
                l -> assertThat(l).endsWith("[DEBUG] detail"),
                l -> assertThat(l).endsWith("[WARNING] library warning"));
    }

    @Test
    void warningLevelHidesInfo() {
        LoggingSetup.configure("quantum-heat-gate", "", "text", "WARNING", out);

        log.info("hidden");
        log.warn("shown");

        assertThat(lines()).singleElement().satisfies(l -> assertThat(l).endsWith("[WARNING] shown"));
    }

    @Test
    void jsonLinesCarryServiceMessageWithPrefixAndEntryKeysFromTheMdc() throws Exception {
        LoggingSetup.configure("quantum-heat-gate", "[P2.6-HEAT-GATE] ", "json", "INFO", out);

        MDC.put("plan_id", "test1");
        MDC.put("symbol", "ETHUSDT");
        MDC.put("reason", "portfolio_heat_cold");
        MDC.put("outcome", "DOWNGRADE");
        MDC.put("other", "not exported");
        log.warn("⚠️  DOWNGRADE: \"quoted\"\tETHUSDT");
        MDC.clear();
        log.error(LogMarkers.CRITICAL, "plain");

        String[] lines = lines();
        assertThat(lines).hasSize(2);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines[0]);
        assertThat(first.get("ts").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(Instant.parse(first.get("ts").asText())).isNotNull();
        assertThat(mapper.convertValue(first, Map.class)).containsExactly(
                Map.entry("ts", first.get("ts").asText()),
                Map.entry("level", "WARNING"),
                Map.entry("service", "quantum-heat-gate"),
                Map.entry("msg", "[P2.6-HEAT-GATE] ⚠️  DOWNGRADE: \"quoted\"\tETHUSDT"),
                Map.entry("plan_id", "test1"),
                Map.entry("symbol", "ETHUSDT"),
                Map.entry("reason", "portfolio_heat_cold"),
                Map.entry("outcome", "DOWNGRADE"));
        JsonNode second = mapper.readTree(lines[1]);
        assertThat(second.get("level").asText()).isEqualTo("CRITICAL");
        assertThat(second.has("plan_id")).isFalse();
    }

    @Test
    void jsonTimestampIsUtcWithMillis() {
        JsonLayout layout = new JsonLayout("quantum-governor", "");
        LoggingEvent event = event(Level.INFO, "x");
        event.setInstant(Instant.parse("2026-01-26T23:58:01.204Z"));

        assertThat(layout.doLayout(event))
                .isEqualTo("{\"ts\":\"2026-01-26T23:58:01.204Z\",\"level\":\"INFO\",\"service\":\"quantum-governor\",\"msg\":\"x\"}\n");
    }

    @Test
    void emojiAreWrittenAsUtf8Bytes() {
        LoggingSetup.configure("quantum-heat-gate", "", "text", "INFO", out);

        log.info("📊 Portfolio Heat: 0.8825 (HOT)");

        byte[] expected = "📊 Portfolio Heat".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).contains("📊 Portfolio Heat");
        assertThat(indexOf(out.toByteArray(), expected)).isPositive();
    }

    @Test
    void unknownFormatOrLevelIsRejected() {
        assertThatThrownBy(() -> LoggingSetup.configure("s", "", "xml", "INFO", out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xml");
        assertThatThrownBy(() -> LoggingSetup.configure("s", "", "text", "TRACE", out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRACE");
    }

    private static LoggingEvent event(Level level, String message) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return new LoggingEvent(LoggingSetupTest.class.getName(), context.getLogger("t"), level, message, null, null);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
