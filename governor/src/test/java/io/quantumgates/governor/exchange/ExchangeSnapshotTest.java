package io.quantumgates.governor.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.common.binance.Account;
import io.quantumgates.common.binance.MarkPrice;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeSnapshotTest {
    @Test
    void openPositionsAndTotalNotionalComeFromNonZeroRows() {
        Account account = account(
                row("BTCUSDT", "BOTH", "0.5", "43500.05"),
                row("ETHUSDT", "BOTH", "-2", "-5900.00"),
                row("SOLUSDT", "BOTH", "0", "0"));

        ExchangeSnapshot s = ExchangeSnapshot.of(account, List.of(mark("BTCUSDT", "87000.10"), mark("SOLUSDT", "150.00")));

        assertThat(s.positions()).containsOnlyKeys("BTCUSDT", "ETHUSDT");
        assertThat(s.totalNotional()).isEqualByComparingTo("49400.05");
        assertThat(s.positions().get("BTCUSDT").json())
                .isEqualTo("{\"amt\": \"0.5\", \"notional\": \"43500.05\", \"mark\": \"87000.1\"}");
        assertThat(s.positions().get("ETHUSDT").mark()).isEqualByComparingTo("0");
        assertThat(s.notionalUnknown()).isEmpty();
        assertThat(s.marks()).containsKeys("SOLUSDT");
    }

    @Test
    void missingNotionalIsAmountTimesMarkOrMarksTheSnapshotIncomplete() {
        Account account = account(row("XRPUSDT", "BOTH", "100", "0"), row("XYZUSDT", "BOTH", "3", "0"));

        ExchangeSnapshot s = ExchangeSnapshot.of(account, List.of(mark("XRPUSDT", "1.9176")));

        assertThat(s.positions().get("XRPUSDT").notional()).isEqualByComparingTo("191.76");
        assertThat(s.notionalUnknown()).contains("XYZUSDT");
    }

    @Test
    void hedgedLegsKeepTheSymbolOpenAndBothCount() {
        Account account = account(row("BTCUSDT", "LONG", "0.1", "8700"), row("BTCUSDT", "SHORT", "-0.1", "-8700"));

        ExchangeSnapshot s = ExchangeSnapshot.of(account, List.of());

        assertThat(s.positions().get("BTCUSDT").amt()).isEqualByComparingTo("0.2");
        assertThat(s.totalNotional()).isEqualByComparingTo("17400");
    }

    private static Account account(Account.Position... rows) {
        return new Account(new BigDecimal("13661.00"), BigDecimal.ZERO, new BigDecimal("13661.00"), BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(rows));
    }

    private static Account.Position row(String symbol, String side, String amt, String notional) {
        return new Account.Position(symbol, side, new BigDecimal(amt), new BigDecimal(notional), BigDecimal.ZERO);
    }

    private static MarkPrice mark(String symbol, String price) {
        return new MarkPrice(symbol, new BigDecimal(price), 1L);
    }
}
