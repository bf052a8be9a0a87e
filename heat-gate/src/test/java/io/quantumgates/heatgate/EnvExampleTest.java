package io.quantumgates.heatgate;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.common.config.Env;
import io.quantumgates.common.config.EnvFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** config/portfolio-heat-gate.env.example must name every variable the daemon reads. */
class EnvExampleTest {
    static final Path EXAMPLE = Path.of("../config/portfolio-heat-gate.env.example");

    private static Set<String> namesReadByTheDaemon() {
        Env env = new Env(Map.of());
        HeatGateConfig.from(env, "consumer");
        return env.readNames();
    }

    @Test
    void exampleListsEveryVariableTheDaemonReads() throws Exception {
        Set<String> read = namesReadByTheDaemon();

        assertThat(read).contains("P26_MODE", "HEAT_MIN", "HEAT_MAX", "REDIS_HOST");
        assertThat(EnvFile.parse(EXAMPLE).keySet()).containsAll(read);
    }

    @Test
    void exampleListsNoVariableTheDaemonIgnores() throws Exception {
        assertThat(namesReadByTheDaemon()).containsAll(EnvFile.parse(EXAMPLE).keySet());
    }

    @Test
    void exampleIsAValidConfiguration() throws Exception {
        HeatGateConfig config = HeatGateConfig.from(new Env(EnvFile.parse(EXAMPLE)), "consumer");

        assertThat(config.metricsPort()).isEqualTo(8056);
    }
}
