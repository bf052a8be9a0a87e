package io.quantumgates.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvTest {
    private static Env env(String... pairs) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return new Env(m);
    }

    @Test
    void unsetOrBlankValuesGiveTheDefault() {
        Env env = env("BLANK", "  ", "EMPTY", "");
        assertThat(env.integer("UNSET", 10, 0, Integer.MAX_VALUE)).isEqualTo(10);
        assertThat(env.integer("BLANK", 10, 0, Integer.MAX_VALUE)).isEqualTo(10);
        assertThat(env.longValue("EMPTY", 5000L, 0, Long.MAX_VALUE)).isEqualTo(5000L);
        assertThat(env.decimal("BLANK", "200", BigDecimal.ZERO, null)).isEqualByComparingTo("200");
        assertThat(env.bool("EMPTY", true)).isTrue();
        assertThat(env.oneOf("UNSET", "testnet", "testnet", "dry_run", "production")).isEqualTo("testnet");
        assertThat(env.string("BLANK", "localhost")).isEqualTo("localhost");
        assertThat(env.secret("UNSET").isEmpty()).isTrue();
    }

    @Test
    void goodValuesAreRead() {
        Env env = env("I", " 42 ", "L", "60000", "D", "0.8", "S", "quantum:stream:apply.plan", "K", "s3cr3t");
        assertThat(env.integer("I", 0, 0, 100)).isEqualTo(42);
        assertThat(env.longValue("L", 0, 200, 60000)).isEqualTo(60000L);
        assertThat(env.decimal("D", "0", BigDecimal.ZERO, null)).isEqualByComparingTo("0.8");
        assertThat(env.string("S", "x")).isEqualTo("quantum:stream:apply.plan");
        assertThat(env.secret("K").reveal()).isEqualTo("s3cr3t");
    }

    @Test
    void nonIntegerIsRejectedNamingTheVariableValueAndForm() {
        Env env = env("GOV_MAX_OPEN_POSITIONS", "ten");
        assertThatThrownBy(() -> env.integer("GOV_MAX_OPEN_POSITIONS", 10, 0, Integer.MAX_VALUE))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid configuration: GOV_MAX_OPEN_POSITIONS='ten' (expected integer >= 0)")
                .extracting(e -> ((ConfigException) e).variable())
                .isEqualTo("GOV_MAX_OPEN_POSITIONS");
    }

    @Test
    void integerOutsideItsRangeIsRejectedWithTheRangeShown() {
        assertThatThrownBy(() -> env("METRICS_PORT", "70000").integer("METRICS_PORT", 8044, 0, 65535))
                .hasMessage("Invalid configuration: METRICS_PORT='70000' (expected integer 0..65535)");
        assertThatThrownBy(() -> env("GOV_DISARM_ON_ERROR_COUNT", "0").integer("GOV_DISARM_ON_ERROR_COUNT", 5, 1, Integer.MAX_VALUE))
                .hasMessage("Invalid configuration: GOV_DISARM_ON_ERROR_COUNT='0' (expected integer >= 1)");
        assertThatThrownBy(() -> env("X", "1.5").integer("X", 0, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .hasMessage("Invalid configuration: X='1.5' (expected integer)");
        assertThatThrownBy(() -> env("X", "3000000000").integer("X", 0, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .hasMessage("Invalid configuration: X='3000000000' (expected integer)");
        assertThatThrownBy(() -> env("X", "7").integer("X", 0, Integer.MIN_VALUE, 5))
                .hasMessage("Invalid configuration: X='7' (expected integer <= 5)");
    }

    @Test
    void longOutsideItsRangeIsRejected() {
        assertThatThrownBy(() -> env("GOV_EXCHANGE_POLL_MS", "100").longValue("GOV_EXCHANGE_POLL_MS", 1000, 200, 60000))
                .hasMessage("Invalid configuration: GOV_EXCHANGE_POLL_MS='100' (expected integer 200..60000)");
        assertThatThrownBy(() -> env("GOV_CLAIM_IDLE_MS", "abc").longValue("GOV_CLAIM_IDLE_MS", 30000, 1000, Long.MAX_VALUE))
                .hasMessage("Invalid configuration: GOV_CLAIM_IDLE_MS='abc' (expected integer >= 1000)");
    }

    @Test
    void badDecimalsAreRejected() {
        assertThatThrownBy(() -> env("GOV_MAX_NOTIONAL_PER_TRADE_USDT", "-1").decimal("GOV_MAX_NOTIONAL_PER_TRADE_USDT", "200", BigDecimal.ZERO, null))
                .hasMessage("Invalid configuration: GOV_MAX_NOTIONAL_PER_TRADE_USDT='-1' (expected decimal >= 0)");
        assertThatThrownBy(() -> env("HEAT_MIN", "abc").decimal("HEAT_MIN", "0.25", BigDecimal.ZERO, null))
                .hasMessage("Invalid configuration: HEAT_MIN='abc' (expected decimal >= 0)");
        assertThatThrownBy(() -> env("P26_POLL_SEC", "6").decimal("P26_POLL_SEC", "2", new BigDecimal("0.01"), new BigDecimal("5")))
                .hasMessage("Invalid configuration: P26_POLL_SEC='6' (expected decimal 0.01..5)");
        assertThatThrownBy(() -> env("X", "NaN").decimal("X", "1", null, null))
                .hasMessage("Invalid configuration: X='NaN' (expected decimal)");
        assertThatThrownBy(() -> env("X", "1e400").decimal("X", "1", null, null))
                .hasMessage("Invalid configuration: X='1e400' (expected decimal)");
    }

    @Test
    void decimalBoundsAreInclusive() {
        Env env = env("P26_POLL_SEC", "0.01", "Z", "0");
        assertThat(env.decimal("P26_POLL_SEC", "2", new BigDecimal("0.01"), new BigDecimal("5"))).isEqualByComparingTo("0.01");
        assertThat(env.decimal("Z", "2", BigDecimal.ZERO, null)).isEqualByComparingTo("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", " tRuE "})
    void booleansAcceptTrueInAnyCase(String value) {
        assertThat(env("GOV_ENABLE_AUTO_DISARM", value).bool("GOV_ENABLE_AUTO_DISARM", false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False"})
    void booleansAcceptFalseInAnyCase(String value) {
        assertThat(env("GOV_ENABLE_AUTO_DISARM", value).bool("GOV_ENABLE_AUTO_DISARM", true)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "tru"})
    void otherBooleanSpellingsAreRejected(String value) {
        assertThatThrownBy(() -> env("GOV_ENABLE_AUTO_DISARM", value).bool("GOV_ENABLE_AUTO_DISARM", true))
                .hasMessage("Invalid configuration: GOV_ENABLE_AUTO_DISARM='" + value + "' (expected true or false)");
    }

    @Test
    void oneOfReturnsTheAllowedSpellingWhateverTheCase() {
        assertThat(env("APPLY_MODE", "DRY_RUN").oneOf("APPLY_MODE", "testnet", "testnet", "dry_run", "production"))
                .isEqualTo("dry_run");
        assertThat(env("P26_LOG_LEVEL", "warning").oneOf("P26_LOG_LEVEL", "INFO", "DEBUG", "INFO", "WARNING", "ERROR"))
                .isEqualTo("WARNING");
    }

    @Test
    void oneOfRejectsOtherValuesListingTheChoices() {
        assertThatThrownBy(() -> env("APPLY_MODE", "live").oneOf("APPLY_MODE", "testnet", "testnet", "dry_run", "production"))
                .hasMessage("Invalid configuration: APPLY_MODE='live' (expected one of testnet|dry_run|production)");
    }

    @Test
    void secretsNeverShowInToString() {
        Env env = env("BINANCE_API_SECRET", "hunter2");
        assertThat(env.secret("BINANCE_API_SECRET").toString()).isEqualTo("***");
        assertThat(env.toString()).doesNotContain("hunter2");
    }

    @Test
    void unknownNamesAreThoseWithOurPrefixesThatWereNeverRead() {
        Env env = new Env(Map.of(
                "GOV_MAX_OPEN_POSITIONS", "10",
                "GOV_MAX_OPEN_POSITION", "10",
                "BINANCE_API_KEY", "k",
                "BINANCE_APIKEY", "k",
                "P26_MODE", "shadow",
                "PATH", "/usr/bin"));
        env.integer("GOV_MAX_OPEN_POSITIONS", 10, 0, Integer.MAX_VALUE);
        env.secret("BINANCE_API_KEY");
        env.string("GOV_CONSUMER_NAME", "x");

        assertThat(env.unknownNames("GOV_", "BINANCE_")).containsExactly("BINANCE_APIKEY", "GOV_MAX_OPEN_POSITION");
        assertThat(env.readNames()).containsExactlyInAnyOrder("GOV_MAX_OPEN_POSITIONS", "BINANCE_API_KEY", "GOV_CONSUMER_NAME");
    }

    @Test
    void aFailedReadStillCountsAsRead() {
        Env env = env("GOV_MAX_EXEC_PER_HOUR", "x");
        assertThatThrownBy(() -> env.integer("GOV_MAX_EXEC_PER_HOUR", 3, 0, Integer.MAX_VALUE)).isInstanceOf(ConfigException.class);
        assertThat(env.unknownNames("GOV_")).isEmpty();
    }
}
