package io.quantumgates.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.common.config.Env;
import io.quantumgates.testkit.FakeBinance;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BalanceCommandIT {
    static FakeBinance exchange;

    @BeforeAll
    static void startExchange() {
        exchange = FakeBinance.start();
        exchange.loadSeedAccount();
    }

    @AfterAll
    static void stopExchange() {
        exchange.close();
    }

    private static CliRun balance(Map<String, String> env) {
        return CliRun.of(new BalanceCommand(new Env(env), InstantSource.system()));
    }

    @Test
    void balanceShowsTheSeedAccount() {
        CliRun run = balance(Map.of("BINANCE_BASE_URL", exchange.baseUrl(),
                "BINANCE_TESTNET_API_KEY", FakeBinance.DEFAULT_API_KEY,
                "BINANCE_TESTNET_API_SECRET", FakeBinance.DEFAULT_API_SECRET));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("APPLY_MODE=testnet")
                .containsPattern("Wallet balance: +13661.00 USDT")
                .containsPattern("Open positions: +22")
                .containsPattern("Total notional: +118844.14 USDT")
                .containsPattern("Notional / wallet: +8.70x")
                .containsPattern("BTCUSDT +LONG +0.400 +87412.3 +34964.92")
                .containsPattern("ADAUSDT +SHORT +-6000");
        assertThat(run.all()).doesNotContain(FakeBinance.DEFAULT_API_KEY).doesNotContain(FakeBinance.DEFAULT_API_SECRET);
    }

    @Test
    void balanceWithoutCredentialsNamesTheVariablesForTheMode() {
        CliRun run = balance(Map.of("APPLY_MODE", "production", "BINANCE_BASE_URL", exchange.baseUrl()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No Binance credentials for APPLY_MODE=production: set BINANCE_API_KEY and BINANCE_API_SECRET");
    }

    @Test
    void aRejectedKeyIsAFailureThatNeverPrintsTheSecret() {
        CliRun run = balance(Map.of("BINANCE_BASE_URL", exchange.baseUrl(),
                "BINANCE_TESTNET_API_KEY", "wrong-key-123", "BINANCE_TESTNET_API_SECRET", "wrong-secret-456"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Binance API error: /fapi/v3/account 401");
        assertThat(run.all()).doesNotContain("wrong-key-123").doesNotContain("wrong-secret-456");
    }

    @Test
    void aBadApplyModeIsAFailureNamingTheVariable() {
        CliRun run = balance(Map.of("APPLY_MODE", "live"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Invalid configuration: APPLY_MODE='live'");
    }
}
