package io.quantumgates.governor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantumgates.common.config.ConfigException;
import io.quantumgates.common.config.Env;
import io.quantumgates.governor.policy.ApplyMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GovernorConfigTest {
    private static GovernorConfig of(String... kv) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return GovernorConfig.from(new Env(m));
    }

    @Test
    void defaultsAreTheContracts() {
        GovernorConfig c = of();
        assertThat(c.mode()).isEqualTo(ApplyMode.TESTNET);
        assertThat(c.limits().maxOpenPositions()).isEqualTo(10);
        assertThat(c.limits().perTradeShown()).isEqualTo("200.0");
        assertThat(c.limits().totalShown()).isEqualTo("2000.0");
        assertThat(c.limits().symbolCooldownSeconds()).isEqualTo(60);
        assertThat(c.limits().maxExecPerHour()).isEqualTo(3);
        assertThat(c.limits().maxExecPer5min()).isEqualTo(2);
        assertThat(c.limits().dailyShown()).isEqualTo("5000.0");
        assertThat(c.limits().killScoreShown()).isEqualTo("0.8");
        assertThat(c.autoDisarm()).isTrue();
        assertThat(c.disarmOnBurstBreach()).isTrue();
        assertThat(c.disarmOnErrorCount()).isEqualTo(5);
        assertThat(c.exchangePollMs()).isEqualTo(1000);
        assertThat(c.exchangeMaxAgeMs()).isEqualTo(5000);
        assertThat(c.reservationTtlSec()).isEqualTo(120);
        assertThat(c.claimIdleMs()).isEqualTo(30000);
        assertThat(c.maxDeliveries()).isEqualTo(5);
        assertThat(c.metricsPort()).isEqualTo(8044);
        assertThat(c.consumerName()).startsWith("gov-").endsWith("-" + ProcessHandle.current().pid());
        assertThat(c.streamPlans()).isEqualTo("quantum:stream:apply.plan");
        assertThat(c.streamResults()).isEqualTo("quantum:stream:apply.result");
        assertThat(c.streamEvents()).isEqualTo("quantum:stream:governor.events");
        assertThat(c.binanceBaseUrl()).isEqualTo("https://testnet.binancefuture.com");
        assertThat(c.credentials().present()).isFalse();
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void credentialsAndBaseUrlFollowTheMode() {
        GovernorConfig testnet = of("BINANCE_TESTNET_API_KEY", "tk", "BINANCE_TESTNET_API_SECRET", "ts",
                "BINANCE_API_KEY", "pk", "BINANCE_API_SECRET", "ps");
        assertThat(testnet.credentials().apiKey().reveal()).isEqualTo("tk");
        GovernorConfig dry = of("APPLY_MODE", "dry_run", "BINANCE_TESTNET_API_KEY", "tk", "BINANCE_TESTNET_API_SECRET", "ts");
        assertThat(dry.credentials().present()).isTrue();
        assertThat(dry.binanceBaseUrl()).isEqualTo("https://testnet.binancefuture.com");
        GovernorConfig prod = of("APPLY_MODE", "production", "BINANCE_TESTNET_API_KEY", "tk",
                "BINANCE_TESTNET_API_SECRET", "ts");
        assertThat(prod.credentials().present()).isFalse();
        assertThat(prod.binanceBaseUrl()).isEqualTo("https://fapi.binance.com");
        assertThat(prod.apiKeyName()).isEqualTo("BINANCE_API_KEY");
        assertThat(of("BINANCE_BASE_URL", "http://127.0.0.1:9/").binanceBaseUrl()).isEqualTo("http://127.0.0.1:9");
    }

    @Test
    void secretsNeverPrint() {
        GovernorConfig c = of("BINANCE_TESTNET_API_KEY", "key-123456", "BINANCE_TESTNET_API_SECRET", "secret-abcdef");
        assertThat(c.toString()).doesNotContain("key-123456").doesNotContain("secret-abcdef");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> of("APPLY_MODE", "live")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid configuration: APPLY_MODE='live' (expected ");
        assertThatThrownBy(() -> of("GOV_MAX_OPEN_POSITIONS", "-1")).hasMessageStartingWith(
                "Invalid configuration: GOV_MAX_OPEN_POSITIONS='-1'");
        assertThatThrownBy(() -> of("GOV_MAX_NOTIONAL_PER_TRADE_USDT", "abc")).hasMessageStartingWith(
                "Invalid configuration: GOV_MAX_NOTIONAL_PER_TRADE_USDT='abc'");
        assertThatThrownBy(() -> of("GOV_ENABLE_AUTO_DISARM", "yes")).hasMessageStartingWith(
                "Invalid configuration: GOV_ENABLE_AUTO_DISARM='yes'");
        assertThatThrownBy(() -> of("GOV_EXCHANGE_POLL_MS", "100")).hasMessageStartingWith(
                "Invalid configuration: GOV_EXCHANGE_POLL_MS='100'");
        assertThatThrownBy(() -> of("GOV_CLAIM_IDLE_MS", "999")).hasMessageStartingWith(
                "Invalid configuration: GOV_CLAIM_IDLE_MS='999'");
        assertThatThrownBy(() -> of("GOV_DISARM_ON_ERROR_COUNT", "0")).hasMessageStartingWith(
                "Invalid configuration: GOV_DISARM_ON_ERROR_COUNT='0'");
        assertThatThrownBy(() -> of("METRICS_PORT", "70000")).hasMessageStartingWith(
                "Invalid configuration: METRICS_PORT='70000'");
        assertThatThrownBy(() -> of("LOG_FORMAT", "xml")).hasMessageStartingWith("Invalid configuration: LOG_FORMAT='xml'");
    }

    @Test
    void maxAgeMustExceedThePollPeriodAndTheErrorNamesMaxAge() {
        assertThatThrownBy(() -> of("GOV_EXCHANGE_POLL_MS", "3000", "GOV_EXCHANGE_MAX_AGE_MS", "3000"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid configuration: GOV_EXCHANGE_MAX_AGE_MS='3000'");
        assertThat(of("GOV_EXCHANGE_POLL_MS", "2000", "GOV_EXCHANGE_MAX_AGE_MS", "3000").warnings())
                .anyMatch(w -> w.startsWith("GOV_EXCHANGE_MAX_AGE_MS=3000 is less than 2 x the poll period"));
    }

    @Test
    void unknownGovAndBinanceNamesAreWarnedAbout() {
        GovernorConfig c = of("GOV_MAX_OPEN_POSITION", "5", "BINANCE_KEY", "x", "OTHER_THING", "y");
        assertThat(c.warnings()).containsExactly(
                "Unknown configuration variable BINANCE_KEY - ignored (check the spelling)",
                "Unknown configuration variable GOV_MAX_OPEN_POSITION - ignored (check the spelling)");
        assertThat(of("APPLY_MODE", "Production").mode()).isEqualTo(ApplyMode.PRODUCTION);
        assertThat(Map.of()).isEmpty();
    }
}
