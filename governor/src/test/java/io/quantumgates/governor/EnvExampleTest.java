package io.quantumgates.governor;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.common.config.Env;
import io.quantumgates.common.config.EnvFile;
import io.quantumgates.governor.config.GovernorConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** config/governor.env.example is the operator's list of settings: it must name every variable the daemon reads. */
class EnvExampleTest {
    static final Path EXAMPLE = Path.of("../config/governor.env.example");

    private static Set<String> namesReadByTheDaemon() {
        Env env = new Env(Map.of());
        GovernorConfig.from(env);
        return env.readNames();
    }

    @Test
    void exampleListsEveryVariableTheDaemonReads() throws Exception {
        Set<String> read = namesReadByTheDaemon();

        assertThat(read).contains("APPLY_MODE", "GOV_MAX_OPEN_POSITIONS", "REDIS_URL", "BINANCE_TESTNET_API_SECRET");
        assertThat(EnvFile.parse(EXAMPLE).keySet()).containsAll(read);
    }

    @Test
    void exampleListsNoVariableTheDaemonIgnores() throws Exception {
        assertThat(namesReadByTheDaemon()).containsAll(EnvFile.parse(EXAMPLE).keySet());
    }

    @Test
    void exampleIsAValidConfiguration() throws Exception {
        GovernorConfig config = GovernorConfig.from(new Env(EnvFile.parse(EXAMPLE)));

        assertThat(config.limits().maxOpenPositions()).isEqualTo(10);
        assertThat(config.metricsPort()).isEqualTo(8044);
    }
}
