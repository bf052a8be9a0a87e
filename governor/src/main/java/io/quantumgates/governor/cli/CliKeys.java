package io.quantumgates.governor.cli;

import io.quantumgates.common.config.Env;

/** The Redis names the operator commands read and write (contract §3.5, §3.6, §3.9); streams from the daemon env. */
record CliKeys(String plans, String results, String events) {
    static final String KILL = "quantum:kill";
    static final String DISARMED = "quantum:governor:disarmed";
    static final String DECIDED_PREFIX = "quantum:governor:decided:";
    static final String PERMIT_PREFIX = "quantum:permit:";
    static final String BLOCK_PREFIX = "quantum:governor:block:";
    static final String INSTANCE_PREFIX = "quantum:governor:instance:";
    static final String EXCHANGE_META = "quantum:governor:exchange:meta";
    static final String RESERVATIONS = "quantum:governor:reservations";
    static final String RESERVED_NOTIONAL = "quantum:governor:reservations:notional";
    static final String AUDIT = "quantum:stream:governor.decisions";
    static final String DLQ = "quantum:stream:governor.dlq";

    static CliKeys from(Env env) {
        return new CliKeys(
                env.string("STREAM_PLANS", "quantum:stream:apply.plan"),
                env.string("STREAM_RESULTS", "quantum:stream:apply.result"),
                env.string("STREAM_EVENTS", "quantum:stream:governor.events"));
    }
}
