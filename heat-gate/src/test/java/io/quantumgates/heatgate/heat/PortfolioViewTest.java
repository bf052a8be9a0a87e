package io.quantumgates.heatgate.heat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PortfolioViewTest {
    private static final long T0 = 1_769_472_300_000L;
    private final PortfolioView view = new PortfolioView(300_000);

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void latestSnapshotPerSymbolReplacesTheEarlierOne() {
        view.apply(Map.of("symbol", "ETHUSDT", "position_notional_usd", "1800", "sigma", "0.15"), T0);
        view.apply(Map.of("symbol", "ETHUSDT", "position_notional_usd", "-1000", "sigma", "0.10"), T0 + 1);
        Exposure e = view.exposure(T0 + 2);
        assertThat(e.weightedNotional()).isEqualByComparingTo("100");
        assertThat(e.symbols()).isEqualTo(1);
    }

    @Test
    void qtyTimesMarkPriceIsUnderstoodWhenNoNotionalIsSent() {
        view.apply(Map.of("symbol", "BTCUSDT", "position_qty", "-0.02", "mark_price", "90000", "sigma", "0.1"), T0);
        assertThat(view.exposure(T0).weightedNotional()).isEqualByComparingTo("180");
    }

    @Test
    void zeroQtyRemovesTheSymbol() {
        view.apply(Map.of("symbol", "BTCUSDT", "position_qty", "0.02", "mark_price", "90000", "sigma", "0.1"), T0);
        view.apply(Map.of("symbol", "BTCUSDT", "position_qty", "0", "mark_price", "90000"), T0 + 1);
        Exposure e = view.exposure(T0 + 1);
        assertThat(e.weightedNotional()).isEqualByComparingTo("0");
        assertThat(e.symbols()).isZero();
    }

    @Test
    void zeroNotionalWithoutQtyRemovesTheSymbol() {
        view.apply(Map.of("symbol", "ETHUSDT", "position_notional_usd", "1800", "sigma", "0.15"), T0);
        view.apply(Map.of("symbol", "ETHUSDT", "position_notional_usd", "0"), T0 + 1);
        assertThat(view.exposure(T0 + 1).symbols()).isZero();
    }

    @Test
    void snapshotWithoutNotionalOrQtyTimesMarkIsIgnoredAndCounted() {
        view.apply(Map.of("symbol", "ETHUSDT", "position_notional_usd", "1800", "sigma", "0.15"), T0);
        assertThat(view.apply(Map.of("symbol", "ETHUSDT", "sigma", "0.2"), T0 + 1))
                .isInstanceOf(SnapshotUpdate.Invalid.class);
        assertThat(view.apply(Map.of("symbol", "ETHUSDT", "position_qty", "1"), T0 + 2))
                .isInstanceOf(SnapshotUpdate.Invalid.class);
        assertThat(view.apply(Map.of("position_notional_usd", "5"), T0 + 3)).isInstanceOf(SnapshotUpdate.Invalid.class);
        assertThat(view.apply(Map.of("symbol", "eth", "position_notional_usd", "5"), T0 + 4))
                .isInstanceOf(SnapshotUpdate.Invalid.class);
        assertThat(view.apply(Map.of("symbol", "ETHUSDT", "position_notional_usd", "lots"), T0 + 5))
                .isInstanceOf(SnapshotUpdate.Invalid.class);
        assertThat(view.invalidSnapshots()).isEqualTo(5);
        assertThat(view.exposure(T0 + 6).weightedNotional()).isEqualByComparingTo("270");
    }

    @Test
    void sigmaFallsBackToVolatilityThenToTheLastProposalSigma() {
        view.apply(Map.of("symbol", "AAUSDT", "position_notional_usd", "100", "sigma", "0", "volatility", "0.3"), T0);
        view.apply(Map.of("symbol", "BBUSDT", "position_notional_usd", "100"), T0);
        assertThat(view.exposure(T0).weightedNotional()).isEqualByComparingTo("30");
        view.proposalSigma("BBUSDT", d("0.5"));
        assertThat(view.exposure(T0).weightedNotional()).isEqualByComparingTo("80");
        // a later snapshot without sigma keeps using the proposal's
        view.apply(Map.of("symbol", "BBUSDT", "position_notional_usd", "200"), T0 + 1);
        assertThat(view.exposure(T0 + 1).weightedNotional()).isEqualByComparingTo("130");
        // the snapshot's own sigma wins over the proposal's
        view.proposalSigma("AAUSDT", d("0.9"));
        assertThat(view.exposure(T0 + 1).weightedNotional()).isEqualByComparingTo("130");
    }

    @Test
    void symbolsWithoutAnySigmaAddNothingButAreCounted() {
        view.apply(Map.of("symbol", "ETHUSDT", "position_notional_usd", "1800"), T0);
        Exposure e = view.exposure(T0);
        assertThat(e.weightedNotional()).isEqualByComparingTo("0");
        assertThat(e.symbols()).isEqualTo(1);
    }

    @Test
    void snapshotsOlderThanTheMaxAgeStopCounting() {
        view.apply(Map.of("symbol", "ETHUSDT", "position_notional_usd", "1800", "sigma", "0.15"), T0);
        view.apply(Map.of("symbol", "BTCUSDT", "position_notional_usd", "1000", "sigma", "0.1"), T0 + 100_000);
        assertThat(view.exposure(T0 + 300_000).weightedNotional()).isEqualByComparingTo("370");
        assertThat(view.exposure(T0 + 300_001).weightedNotional()).isEqualByComparingTo("100");
        assertThat(view.exposure(T0 + 400_001).symbols()).isZero();
    }

    @Test
    void aFreshSnapshotKeepsASymbolAlive() {
        view.apply(Map.of("symbol", "ETHUSDT", "position_notional_usd", "1800", "sigma", "0.15"), T0);
        view.apply(Map.of("symbol", "BTCUSDT", "position_notional_usd", "1000", "sigma", "0.1"), T0 + 1);
        view.apply(Map.of("symbol", "ETHUSDT", "position_notional_usd", "1800", "sigma", "0.15"), T0 + 200_000);
        Exposure e = view.exposure(T0 + 300_002);
        assertThat(e.symbols()).isEqualTo(1);
        assertThat(e.weightedNotional()).isEqualByComparingTo("270");
    }

    @Test
    void incrementalSumEqualsAFreshSumAfterManyRandomUpdates() {
        Random random = new Random(42);
        String[] symbols = {"AAUSDT", "BBUSDT", "CCUSDT", "DDUSDT", "EEUSDT"};
        Map<String, BigDecimal> expected = new java.util.HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String s = symbols[random.nextInt(symbols.length)];
            if (random.nextInt(10) == 0) {
                view.apply(Map.of("symbol", s, "position_qty", "0"), T0 + i);
                expected.remove(s);
            } else {
                String qty = String.valueOf(random.nextDouble() * 3);
                String mark = String.valueOf(random.nextDouble() * 70_000 + 0.01);
                String sigma = String.valueOf(random.nextDouble());
                view.apply(Map.of("symbol", s, "position_qty", qty, "mark_price", mark, "sigma", sigma), T0 + i);
                expected.put(s, d(qty).multiply(d(mark)).abs().multiply(d(sigma)));
            }
        }
        BigDecimal fresh = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(view.exposure(T0 + 20_000).weightedNotional()).isEqualByComparingTo(fresh);
    }
}
