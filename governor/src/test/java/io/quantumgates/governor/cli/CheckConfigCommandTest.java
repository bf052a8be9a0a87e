package io.quantumgates.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.common.config.Env;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {
    @TempDir
    Path dir;

    /** The process env must not matter: check-config judges the file alone. */
    private static final Env PROCESS_ENV = new Env(Map.of("GOV_MAX_OPEN_POSITIONS", "not-a-number"));

    private CliRun check(String... args) {
        return CliRun.of(new CheckConfigCommand(PROCESS_ENV, InstantSource.system()), args);
    }

    private Path file(String... lines) throws IOException {
        return Files.write(dir.resolve("governor.env"), String.join("\n", lines).getBytes());
    }

    @Test
    void theShippedExampleIsValid() {
        CliRun run = check("--env-file", "../config/governor.env.example");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("  GOV_MAX_OPEN_POSITIONS=10  OK").contains("Configuration OK");
    }

    @Test
    void everyBadValueIsNamedAndTheCheckFails() throws IOException {
        Path env = file("APPLY_MODE=live", "GOV_MAX_OPEN_POSITIONS=ten", "GOV_SYMBOL_COOLDOWN_SECONDS=30");

        CliRun run = check("--env-file", env.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("  APPLY_MODE=live  ERROR Invalid configuration: APPLY_MODE='live'")
                .contains("  GOV_MAX_OPEN_POSITIONS=ten  ERROR Invalid configuration: GOV_MAX_OPEN_POSITIONS='ten'")
                .contains("  GOV_SYMBOL_COOLDOWN_SECONDS=30  OK")
                .contains("  GOV_MAX_TOTAL_NOTIONAL_USDT=(unset: default)  OK")
                .contains("Configuration INVALID: 2 error(s)");
    }

    @Test
    void aPairRuleNamesTheVariable() throws IOException {
        Path env = file("GOV_EXCHANGE_POLL_MS=2000", "GOV_EXCHANGE_MAX_AGE_MS=1500");

        CliRun run = check("--env-file", env.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("GOV_EXCHANGE_MAX_AGE_MS=1500  ERROR Invalid configuration: GOV_EXCHANGE_MAX_AGE_MS='1500'");
    }

    @Test
    void secretsAreNeverPrinted() throws IOException {
        Path env = file("BINANCE_TESTNET_API_KEY=key-AAAA1111", "BINANCE_TESTNET_API_SECRET=secret-BBBB2222",
                "REDIS_URL=redis://app:pw-CCCC3333@10.0.0.5:6379/0", "REDIS_PASSWORD=pw-DDDD4444",
                "GOV_MAX_OPEN_POSITIONS=x");

        CliRun run = check("--env-file", env.toString());

        assertThat(run.all()).doesNotContain("AAAA1111", "BBBB2222", "CCCC3333", "DDDD4444");
        assertThat(run.out()).contains("BINANCE_TESTNET_API_SECRET=***  OK").contains("REDIS_URL=redis://app:***@10.0.0.5:6379/0  OK");
    }

    @Test
    void aMisspelledGovernorVariableIsWarnedAbout() throws IOException {
        Path env = file("GOV_MAX_OPEN_POSITION=5");

        CliRun run = check("--env-file", env.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("GOV_MAX_OPEN_POSITION=5  WARNING unknown variable");
    }

    @Test
    void aMissingFileIsAFailure() {
        CliRun run = check("--env-file", dir.resolve("nope.env").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Cannot read").contains("nope.env");
    }

    @Test
    void withoutEnvFileItIsAUsageError() {
        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--env-file");
    }
}
