package io.quantumgates.governor.exchange;

/** The Redis keys of the exchange snapshot and the reservations its install releases (contract §3.5). */
final class ExchangeKeys {
    static final String LEASE = "quantum:governor:exchange:lease";
    static final String POSITIONS = "quantum:governor:exchange:positions";
    static final String MARKS = "quantum:governor:exchange:marks";
    static final String META = "quantum:governor:exchange:meta";
    static final String OPEN = "quantum:governor:exchange:open";
    static final String RESERVATIONS = "quantum:governor:reservations";
    static final String RESERVATIONS_EXPIRY = RESERVATIONS + ":expiry";
    static final String RESERVATIONS_FILLED = RESERVATIONS + ":filled";
    static final String RESERVATIONS_SYMBOLS = RESERVATIONS + ":symbols";
    static final String RESERVATIONS_NOTIONAL = RESERVATIONS + ":notional";
    static final String RESERVATIONS_UNOPENED = RESERVATIONS + ":unopened";

    private ExchangeKeys() {}
}
