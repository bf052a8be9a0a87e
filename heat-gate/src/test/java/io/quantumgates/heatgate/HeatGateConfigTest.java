package io.quantumgates.heatgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantumgates.common.config.ConfigException;
import io.quantumgates.common.config.Env;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeatGateConfigTest {
    private static HeatGateConfig config(Map<String, String> vars) {
        return HeatGateConfig.from(new Env(vars), "host_42");
    }

    @Test
    void everyVariableHasTheContractDefault() {
        HeatGateConfig c = config(Map.of());
        assertThat(c.mode()).isEqualTo(HeatGateConfig.Mode.SHADOW);
        assertThat(c.thresholds().min()).isEqualByComparingTo("0.25");
        assertThat(c.thresholds().max()).isEqualByComparingTo("0.65");
        assertThat(c.poll()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.metricsPort()).isEqualTo(8056);
        assertThat(c.logLevel()).isEqualTo("INFO");
        assertThat(c.logFormat()).isEqualTo("text");
        assertThat(c.snapshotMaxAgeSec()).isEqualTo(300);
        assertThat(c.hashTtlSec()).isEqualTo(300);
        assertThat(c.outputMaxlen()).isEqualTo(100_000);
        assertThat(c.consumerName()).isEqualTo("host_42");
        assertThat(c.redis().hostPort()).isEqualTo("localhost:6379");
        assertThat(c.unknownNames()).isEmpty();
    }

    @Test
    void valuesAreReadInAnyCaseWhereTheContractAllowsIt() {
        HeatGateConfig c = config(Map.of("P26_MODE", "ENFORCE", "HEAT_MIN", "0.1", "HEAT_MAX", "0.9",
                "P26_POLL_SEC", "0.05", "P26_LOG_LEVEL", "debug", "P26_CONSUMER_NAME", "gate-a"));
        assertThat(c.mode()).isEqualTo(HeatGateConfig.Mode.ENFORCE);
        assertThat(c.thresholds().min()).isEqualTo(new BigDecimal("0.1"));
        assertThat(c.poll()).isEqualTo(Duration.ofMillis(50));
        assertThat(c.logLevel()).isEqualTo("DEBUG");
        assertThat(c.consumerName()).isEqualTo("gate-a");
    }

    @Test
    void heatMinNotBelowHeatMaxIsRejectedNamingHeatMin() {
        assertThatThrownBy(() -> config(Map.of("HEAT_MIN", "0.7", "HEAT_MAX", "0.6")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid configuration: HEAT_MIN='0.7' (expected")
                .extracting(e -> ((ConfigException) e).variable()).isEqualTo("HEAT_MIN");
        assertThatThrownBy(() -> config(Map.of("HEAT_MIN", "0.6", "HEAT_MAX", "0.6")))
                .hasMessageContaining("HEAT_MIN='0.6'");
    }

    @Test
    void unknownModeIsRejectedNamingIt() {
        assertThatThrownBy(() -> config(Map.of("P26_MODE", "loud")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid configuration: P26_MODE='loud' (expected");
    }

    @Test
    void badNumbersAreRejectedNamingTheVariable() {
        Map<String, String> bad = Map.of("P26_POLL_SEC", "6", "P26_METRICS_PORT", "70000",
                "P26_SNAPSHOT_MAX_AGE_SEC", "0", "P26_HASH_TTL_SEC", "abc", "P26_OUTPUT_MAXLEN", "999",
                "HEAT_MIN", "-0.1", "HEAT_MAX", "NaN", "P26_LOG_LEVEL", "TRACE", "LOG_FORMAT", "xml");
        bad.forEach((name, value) -> assertThatThrownBy(() -> config(Map.of(name, value)))
                .as(name)
                .isInstanceOf(ConfigException.class)
                .extracting(e -> ((ConfigException) e).variable()).isEqualTo(name));
    }

    @Test
    void unknownP26NamesAreReportedForTheStartupWarning() {
        HeatGateConfig c = config(Map.of("P26_MODEE", "enforce", "P26_MODE", "shadow", "OTHER_VAR", "x"));
        assertThat(c.unknownNames()).containsExactly("P26_MODEE");
    }

}
