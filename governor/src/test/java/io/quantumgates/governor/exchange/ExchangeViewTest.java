package io.quantumgates.governor.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeViewTest {
    private static final Map<String, String> META = Map.of(
            "installed_at_ms", "1769471880000", "fetch_ms", "120", "status", "ok", "last_error", "",
            "positions_open", "22", "total_notional", "118844.14", "wallet_balance", "13661", "available_balance", "0");

    @Test
    void ageIsRedisTimeMinusInstallPlusFetch() {
        ExchangeView view = ExchangeView.of(META, Map.of("SOLUSDT", "150"), 1769471881204L);

        assertThat(view.ageMs()).hasValue(1324);
        assertThat(view.usable(5000)).isTrue();
        assertThat(view.positionsOpen()).isEqualTo(22);
        assertThat(view.totalNotional()).isEqualByComparingTo("118844.14");
        assertThat(view.mark("SOLUSDT")).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("150.00"));
    }

    @Test
    void aFailedCycleLeavesTheSnapshotAgingUntilItIsTooOld() {
        Map<String, String> failed = new java.util.HashMap<>(META);
        failed.put("status", "error");
        failed.put("last_error", "http_429");

        ExchangeView view = ExchangeView.of(failed, Map.of(), 1769471880000L + 5_000);

        assertThat(view.ageMs()).hasValue(5120);
        assertThat(view.usable(5000)).isFalse();
        assertThat(view.lastError()).isEqualTo("http_429");
    }

    @Test
    void noMetaMeansNoSnapshotAndAnIncompleteOneIsUnusable() {
        assertThat(ExchangeView.of(Map.of(), Map.of(), 1L).absent()).isTrue();
        assertThat(ExchangeView.of(Map.of(), Map.of(), 1L).usable(5000)).isFalse();

        Map<String, String> incomplete = new java.util.HashMap<>(META);
        incomplete.put("notional_unknown", "XYZUSDT");
        assertThat(ExchangeView.of(incomplete, Map.of(), 1769471880100L).usable(5000)).isFalse();
    }
}
