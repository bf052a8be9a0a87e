package io.quantumgates.governor.exchange;

import io.quantumgates.common.binance.Account;
import io.quantumgates.common.binance.MarkPrice;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one poll cycle fetched, in the shape the install script writes. Pure.
 *
 * @param positions open symbols only (any row with amount ≠ 0)
 * @param marks every mark the exchange returned
 * @param totalNotional Σ |position notional|
 * @param notionalUnknown a symbol whose position has neither {@code notional} nor a mark (snapshot incomplete)
 */
record ExchangeSnapshot(
        Map<String, Row> positions,
        Map<String, BigDecimal> marks,
        BigDecimal totalNotional,
        BigDecimal walletBalance,
        BigDecimal availableBalance,
        Optional<String> notionalUnknown) {

    /** One open symbol: net amount, notional (signed as Binance gives it, or amt × mark), mark (0 when unknown). */
    record Row(BigDecimal amt, BigDecimal notional, BigDecimal mark) {
        /** {@code {"amt": "0.5", "notional": "43500.05", "mark": "87000.1"}}: Python separators, fixed key order. */
        String json() {
            return "{\"amt\": \"" + plain(amt) + "\", \"notional\": \"" + plain(notional) + "\", \"mark\": \""
                    + plain(mark) + "\"}";
        }
    }

    static ExchangeSnapshot of(Account account, Iterable<MarkPrice> markPrices) {
        Map<String, BigDecimal> marks = new TreeMap<>();
        for (MarkPrice m : markPrices) {
            marks.put(m.symbol(), m.markPrice());
        }
        Map<String, BigDecimal> net = new TreeMap<>();
        Map<String, BigDecimal> gross = new TreeMap<>();
        Map<String, BigDecimal> grossNotional = new TreeMap<>();
        Map<String, BigDecimal> signedNotional = new TreeMap<>();
        Map<String, Boolean> notionalMissing = new TreeMap<>();
        for (Account.Position p : account.positions()) {
            if (p.positionAmt().signum() == 0) {
                continue; // v2 lists every symbol; a zero row is not a position
            }
            String s = p.symbol();
            net.merge(s, p.positionAmt(), BigDecimal::add);
            gross.merge(s, p.positionAmt().abs(), BigDecimal::add);
            BigDecimal notional = p.notional();
            boolean missing = notional.signum() == 0;
            if (missing && marks.containsKey(s)) {
                notional = p.positionAmt().multiply(marks.get(s));
                missing = false;
            }
            notionalMissing.merge(s, missing, Boolean::logicalOr);
            grossNotional.merge(s, notional.abs(), BigDecimal::add);
            signedNotional.merge(s, notional, BigDecimal::add);
        }
        Map<String, Row> rows = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        Optional<String> unknown = Optional.empty();
        for (String s : net.keySet()) {
            // hedge mode: LONG and SHORT rows may cancel in the net; the symbol is still open and both legs count
            boolean hedged = gross.get(s).compareTo(net.get(s).abs()) != 0;
            BigDecimal amt = net.get(s).signum() != 0 ? net.get(s) : gross.get(s);
            BigDecimal notional = hedged ? grossNotional.get(s) : signedNotional.get(s);
            rows.put(s, new Row(amt, notional, marks.getOrDefault(s, BigDecimal.ZERO)));
            total = total.add(grossNotional.get(s));
            if (notionalMissing.get(s) && unknown.isEmpty()) {
                unknown = Optional.of(s);
            }
        }
        return new ExchangeSnapshot(
                rows, marks, total, account.totalWalletBalance(), account.availableBalance(), unknown);
    }

    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
