package io.quantumgates.heatgate.redis;

/** Stream, group and key names of the contract (§4). */
public final class Keys {
    public static final String PROPOSALS = "quantum:stream:harvest.proposal";
    public static final String CALIBRATED = "quantum:stream:harvest.calibrated";
    public static final String DLQ = "quantum:stream:harvest.proposal.dlq";
    public static final String SNAPSHOTS = "quantum:stream:position.snapshot";
    public static final String PORTFOLIO = "quantum:state:portfolio";
    public static final String EQUITY_FIELD = "equity_usd";
    public static final String GROUP = "p26_heat_gate";
    public static final long DONE_TTL_SEC = 86_400;
    public static final long DLQ_MAXLEN = 10_000;

    private Keys() {}

    public static String done(String entryId) {
        return "quantum:p26:done:" + entryId;
    }

    public static String proposalHash(String symbol) {
        return "quantum:harvest:proposal:" + symbol;
    }
}
