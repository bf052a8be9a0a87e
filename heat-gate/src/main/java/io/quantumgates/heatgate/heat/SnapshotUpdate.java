package io.quantumgates.heatgate.heat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/** What one {@code quantum:stream:position.snapshot} entry says about its symbol. */
public sealed interface SnapshotUpdate {
    Pattern SYMBOL = Pattern.compile("^[A-Z0-9]{2,32}$");

    /** The symbol is held with this absolute notional; {@code sigma} is 0 when the snapshot carries none. */
    record Held(String symbol, BigDecimal notional, BigDecimal sigma) implements SnapshotUpdate {}

    /** The position is flat. */
    record Flat(String symbol) implements SnapshotUpdate {}

    /** Unusable (no symbol, no notional, garbage numbers): ignored and counted {@code invalid_snapshot}. */
    record Invalid(String why) implements SnapshotUpdate {}

    /**
     * Notional = |position_notional_usd| (when non-zero), else |position_qty × mark_price|. A qty of 0, or a notional
     * of 0 without a qty, means flat. Sigma = {@code sigma} > 0, else {@code volatility} > 0, else 0.
     */
    static SnapshotUpdate parse(Map<String, String> fields) {
        String symbol = fields.getOrDefault("symbol", "").trim();
        if (!SYMBOL.matcher(symbol).matches()) {
            return new Invalid(symbol.isEmpty() ? "missing_symbol" : "invalid_symbol");
        }
        Decimal qty = Decimal.of(fields.get("position_qty"));
        Decimal notional = Decimal.of(fields.get("position_notional_usd"));
        Decimal mark = Decimal.of(fields.get("mark_price"));
        if (qty.garbage() || notional.garbage()) {
            return new Invalid("bad_number");
        }
        if (qty.present() && qty.value().signum() == 0) {
            return new Flat(symbol);
        }
        BigDecimal sigma = sigma(fields);
        if (notional.present() && notional.value().signum() != 0) {
            return new Held(symbol, notional.value().abs(), sigma);
        }
        if (qty.present() && mark.present() && mark.value().signum() > 0) {
            return new Held(symbol, qty.value().multiply(mark.value()).abs(), sigma);
        }
        if (notional.present() && !qty.present()) {
            return new Flat(symbol);
        }
        return new Invalid("no_notional");
    }

    private static BigDecimal sigma(Map<String, String> fields) {
        Decimal sigma = Decimal.of(fields.get("sigma"));
        if (sigma.positive()) {
            return sigma.value();
        }
        Decimal volatility = Decimal.of(fields.get("volatility"));
        return volatility.positive() ? volatility.value() : BigDecimal.ZERO;
    }
}
