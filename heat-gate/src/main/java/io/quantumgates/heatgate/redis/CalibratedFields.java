package io.quantumgates.heatgate.redis;

import io.quantumgates.heatgate.calibration.Calibration;
import io.quantumgates.heatgate.heat.Heat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The field lists the writer sends: the output entry (§4.5 order) and the enforce hash (§4.6). */
final class CalibratedFields {
    private static final List<String> OWN = List.of(
            "trace_id", "plan_id", "symbol", "original_action", "calibrated_action", "heat_value", "heat_bucket",
            "mode", "calibrated", "reason", "timestamp", "heat_status", "equity_usd", "heat_symbols", "source_id");
    /** Input fields already represented by ours (or replaced: {@code action} is the calibrated one now). */
    private static final Set<String> NOT_REPEATED = Set.of("action", "plan_id", "symbol", "trace_id");

    private CalibratedFields() {}

    /** Flat name/value pairs for XADD, in the contract's order. */
    static List<String> output(Proposal p, Calibration c, Heat heat, String mode, long epochSeconds) {
        List<String> out = new ArrayList<>(2 * (OWN.size() + p.fields().size()));
        output(out, p, c, heat, mode, epochSeconds);
        return out;
    }

    /** Number of strings {@link #output} adds, at most: to size the argument array once. */
    static int outputSizeBound(Proposal p) {
        return 2 * (OWN.size() + p.fields().size());
    }

    /** As {@link #output(Proposal, Calibration, Heat, String, long)}, appending to {@code out}. */
    static void output(List<String> out, Proposal p, Calibration c, Heat heat, String mode, long epochSeconds) {
        add(out, "trace_id", p.traceId());
        add(out, "plan_id", p.planId());
        add(out, "symbol", p.symbol());
        add(out, "original_action", c.originalAction());
        add(out, "calibrated_action", c.calibratedAction());
        add(out, "heat_value", heat.formatted());
        add(out, "heat_bucket", heat.bucket().name());
        add(out, "mode", mode);
        add(out, "calibrated", "true");
        add(out, "reason", c.reason());
        add(out, "timestamp", Long.toString(epochSeconds));
        add(out, "heat_status", heat.status().code());
        add(out, "equity_usd", heat.equity());
        add(out, "heat_symbols", Integer.toString(heat.symbols()));
        add(out, "source_id", p.entryId());
        for (Map.Entry<String, String> e : p.fields().entrySet()) {
            String name = e.getKey();
            if (NOT_REPEATED.contains(name)) {
                continue;
            }
            add(out, OWN.contains(name) ? "input_" + name : name, e.getValue());
        }
    }

    /** Flat pairs for HSET {@code quantum:harvest:proposal:{symbol}}. */
    static List<String> hash(Proposal p, Calibration c, Heat heat, String ts) {
        List<String> out = new ArrayList<>(HASH_SIZE);
        hash(out, p, c, heat, ts);
        return out;
    }

    static final int HASH_SIZE = 20;

    /** As {@link #hash(Proposal, Calibration, Heat, String)}, appending to {@code out}. */
    static void hash(List<String> out, Proposal p, Calibration c, Heat heat, String ts) {
        add(out, "action", c.calibratedAction());
        add(out, "original_action", c.originalAction());
        add(out, "heat_value", heat.formatted());
        add(out, "heat_bucket", heat.bucket().name());
        add(out, "calibrated", "1");
        add(out, "calibrated_by", "p26_heat_gate");
        add(out, "downgrade_reason", c.reason());
        add(out, "trace_id", p.traceId());
        add(out, "plan_id", p.planId());
        add(out, "ts", ts);
    }

    private static void add(List<String> out, String name, String value) {
        out.add(name);
        out.add(value);
    }
}
