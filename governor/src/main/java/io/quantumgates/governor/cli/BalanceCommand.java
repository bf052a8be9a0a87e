package io.quantumgates.governor.cli;

import io.quantumgates.common.binance.Account;
import io.quantumgates.common.binance.BinanceClient;
import io.quantumgates.common.binance.BinanceCredentials;
import io.quantumgates.common.binance.BinanceException;
import io.quantumgates.common.binance.MarkPrice;
import io.quantumgates.common.config.Env;
import io.quantumgates.governor.config.GovernorConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * {@code balance}: what the seed's check_testnet_balance.py showed, from one account call and one marks call with the
 * daemon's own credentials and base URL. Never touches Redis; never prints the key or secret.
 */
@Command(
        name = "balance",
        mixinStandardHelpOptions = true,
        description = {
            "The Binance USD-M account the Governor polls: balances and positions.",
            "Wallet, available, margin balance, initial margin, unrealized PnL, open positions, total notional and",
            "notional / wallet, from one account call and one marks call with the daemon's credentials."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:shown", "1:no credentials for the mode, or the exchange call failed", "2:usage"})
public final class BalanceCommand extends OperatorCommand {
    static final Duration TIMEOUT = Duration.ofMillis(2000);

    public BalanceCommand() {
        this(Env.system(), InstantSource.system());
    }

    BalanceCommand(Env env, InstantSource clock) {
        super(env, clock);
    }

    @Override
    int execute() {
        // The daemon's own config code: the same base URL and the same mode's credentials the poller uses.
        GovernorConfig config = GovernorConfig.from(env());
        String mode = config.mode().code();
        String baseUrl = config.binanceBaseUrl();
        BinanceCredentials credentials = config.credentials();
        if (!credentials.present()) {
            throw new CliFailure("No Binance credentials for APPLY_MODE=" + mode + ": set " + config.apiKeyName() + " and "
                    + config.apiSecretName());
        }
        Account account;
        Map<String, BigDecimal> marks;
        try (BinanceClient client = new BinanceClient(baseUrl, credentials, clock(), TIMEOUT)) {
            account = client.account();
            marks = client.markPrices().stream()
                    .collect(Collectors.toMap(MarkPrice::symbol, MarkPrice::markPrice, (a, b) -> b));
        } catch (BinanceException e) {
            throw new CliFailure(e.getMessage());
        }
        print(mode, baseUrl, account, marks);
        return OK;
    }

    private void print(String mode, String baseUrl, Account account, Map<String, BigDecimal> marks) {
        List<Row> rows = account.positions().stream()
                .filter(p -> p.positionAmt().signum() != 0)
                .map(p -> Row.of(p, marks))
                .sorted(Comparator.comparing(Row::notional).reversed())
                .toList();
        BigDecimal total = rows.stream().map(Row::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal wallet = account.totalWalletBalance();
        out().println("Binance USD-M account (APPLY_MODE=" + mode + ", " + baseUrl + ")");
        line("Wallet balance", money(wallet) + " USDT");
        line("Available balance", money(account.availableBalance()) + " USDT");
        line("Margin balance", money(account.totalMarginBalance()) + " USDT");
        line("Initial margin (used)", money(account.totalInitialMargin()) + " USDT");
        line("Unrealized PnL", money(account.totalUnrealizedProfit()) + " USDT");
        line("Open positions", String.valueOf(rows.size()));
        line("Total notional", money(total) + " USDT");
        line("Notional / wallet", wallet.signum() == 0 ? "n/a (wallet 0)" : total.divide(wallet, 2, RoundingMode.HALF_EVEN) + "x");
        if (rows.isEmpty()) {
            return;
        }
        out().println();
        out().printf("  %-14s %-5s %16s %14s %14s %12s%n", "symbol", "side", "amount", "mark", "notional", "uPnL");
        for (Row r : rows) {
            out().printf("  %-14s %-5s %16s %14s %14s %12s%n", r.symbol(), r.side(), r.amount().toPlainString(),
                    r.mark() == null ? "?" : r.mark().stripTrailingZeros().toPlainString(), money(r.notional()), money(r.unrealized()));
        }
    }

    private void line(String label, String value) {
        out().printf("  %-22s %s%n", label + ":", value);
    }

    private static String money(BigDecimal x) {
        return x.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A position as shown: notional = |notional|, or |amt| × mark when the exchange sent none (contract §3.4). */
    record Row(String symbol, String side, BigDecimal amount, BigDecimal mark, BigDecimal notional, BigDecimal unrealized) {
        static Row of(Account.Position p, Map<String, BigDecimal> marks) {
            BigDecimal mark = marks.get(p.symbol());
            BigDecimal notional = p.notional().signum() != 0
                    ? p.notional().abs()
                    : mark == null ? BigDecimal.ZERO : p.positionAmt().abs().multiply(mark);
            String side = "BOTH".equals(p.positionSide()) || p.positionSide() == null || p.positionSide().isEmpty()
                    ? (p.positionAmt().signum() > 0 ? "LONG" : "SHORT")
                    : p.positionSide();
            return new Row(p.symbol(), side, p.positionAmt(), mark, notional, p.unrealizedProfit());
        }
    }

}
