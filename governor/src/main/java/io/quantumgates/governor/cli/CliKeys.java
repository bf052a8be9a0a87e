package io.quantumgates.governor.cli;

import io.quantumgates.common.config.Env;
import io.quantumgates.governor.GovernorKeys;

/** The streams the operator commands read and write, from the daemon env (fixed keys: {@link GovernorKeys}). */
record CliKeys(String plans, String results, String events) {
    static CliKeys from(Env env) {
        return new CliKeys(
                env.string("STREAM_PLANS", GovernorKeys.DEFAULT_STREAM_PLANS),
                env.string("STREAM_RESULTS", GovernorKeys.DEFAULT_STREAM_RESULTS),
                env.string("STREAM_EVENTS", GovernorKeys.DEFAULT_STREAM_EVENTS));
    }
}
