package io.quantumgates.governor;

/**
 * The Redis names the Governor reads and writes outside its Lua scripts (contract §3.5, §3.6, §3.9): one place, so
 * the daemon, its exchange poller and the operator CLI cannot drift apart on an interface name. The scripts under
 * {@code resources/governor/} spell the same names.
 */
public final class GovernorKeys {
    public static final String KILL = "quantum:kill";
    public static final String DISARMED = "quantum:governor:disarmed";
    public static final String DECIDED_PREFIX = "quantum:governor:decided:";
    public static final String PERMIT_PREFIX = "quantum:permit:";
    public static final String BLOCK_PREFIX = "quantum:governor:block:";
    public static final String INSTANCE_PREFIX = "quantum:governor:instance:";
    public static final String EXEC_PREFIX = "quantum:governor:exec:";
    public static final String AUDIT = "quantum:stream:governor.decisions";
    public static final String DLQ = "quantum:stream:governor.dlq";

    public static final String EXCHANGE_LEASE = "quantum:governor:exchange:lease";
    public static final String EXCHANGE_POSITIONS = "quantum:governor:exchange:positions";
    public static final String EXCHANGE_MARKS = "quantum:governor:exchange:marks";
    public static final String EXCHANGE_META = "quantum:governor:exchange:meta";
    /** Our companion of the positions hash: the symbols with a position (RESERVATIONS.md). */
    public static final String EXCHANGE_OPEN = "quantum:governor:exchange:open";

    public static final String RESERVATIONS = "quantum:governor:reservations";
    public static final String RESERVATIONS_EXPIRY = RESERVATIONS + ":expiry";
    public static final String RESERVATIONS_FILLED = RESERVATIONS + ":filled";
    public static final String RESERVATIONS_SYMBOLS = RESERVATIONS + ":symbols";
    public static final String RESERVATIONS_NOTIONAL = RESERVATIONS + ":notional";
    public static final String RESERVATIONS_UNOPENED = RESERVATIONS + ":unopened";

    /** Defaults of {@code STREAM_PLANS}, {@code STREAM_RESULTS}, {@code STREAM_EVENTS}. */
    public static final String DEFAULT_STREAM_PLANS = "quantum:stream:apply.plan";
    public static final String DEFAULT_STREAM_RESULTS = "quantum:stream:apply.result";
    public static final String DEFAULT_STREAM_EVENTS = "quantum:stream:governor.events";

    private GovernorKeys() {}
}
