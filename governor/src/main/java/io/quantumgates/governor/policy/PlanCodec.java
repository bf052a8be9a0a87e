package io.quantumgates.governor.policy;

import io.quantumgates.common.redis.StreamEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Decodes {@code apply.plan} entries of every producer shape (§3.1); pure. */
public final class PlanCodec {
    public static final int MAX_FIELD_BYTES = 8192;
    static final int SHOWN_CHARS = 64;
    private static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9]{2,32}$");
    private static final Pattern NUMBER = Pattern.compile("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$");
    /** Fields the Governor reads, in the order their size is checked. Others are ignored whatever their size. */
    static final List<String> READ_FIELDS =
            List.of("plan_id", "decision", "symbol", "action", "side", "reduceOnly", "qty", "kill_score");

    private PlanCodec() {}

    public static Decoded decode(StreamEntry entry) {
        Map<String, String> f = entry.fields();
        String rawId = f.get("plan_id");
        if (rawId == null || rawId.isEmpty()) {
            return new Decoded.DeadLetter(BlockReason.MISSING_PLAN_ID, "");
        }
        if (!validPlanId(rawId)) {
            return new Decoded.DeadLetter(BlockReason.INVALID_PLAN_ID, shown(rawId));
        }
        String decision = f.get("decision") == null ? "SKIP" : f.get("decision").strip();
        String rawSymbol = f.get("symbol") == null ? null : f.get("symbol").strip();
        boolean symbolValid = rawSymbol != null && SYMBOL.matcher(rawSymbol).matches();
        String symbol = rawSymbol == null || rawSymbol.isEmpty() ? "UNKNOWN" : shown(rawSymbol);
        String rawAction = f.get("action") == null ? "" : f.get("action").strip();
        String action = rawAction.isEmpty() ? "UNKNOWN" : shown(rawAction);
        PlanClass.Classification classification =
                PlanClass.classify(rawAction, f.get("reduceOnly"), f.get("side"));
        OptionalDouble qty = number(f.get("qty"));
        String rawKill = f.get("kill_score") == null ? "" : f.get("kill_score").strip();
        OptionalDouble kill = rawKill.isEmpty() ? OptionalDouble.of(0) : number(rawKill);
        String killShown = kill.isPresent() ? Fmt.fixed(kill.getAsDouble(), 3) : shown(rawKill);
        Plan plan = new Plan(entry.id(), rawId, symbol, symbolValid, action, shown(decision), classification,
                qty.isPresent() ? OptionalDouble.of(Math.abs(qty.getAsDouble())) : OptionalDouble.empty(),
                kill.orElse(0), killShown);
        if (!plan.isExecute()) {
            return new Decoded.Skip(plan);
        }
        for (String name : READ_FIELDS) {
            String v = f.get(name);
            if (v != null && v.getBytes(StandardCharsets.UTF_8).length > MAX_FIELD_BYTES) {
                return new Decoded.Invalid(plan, name, "value over " + MAX_FIELD_BYTES + " bytes");
            }
        }
        if (rawSymbol == null || rawSymbol.isEmpty()) {
            return new Decoded.Invalid(plan, "symbol", "missing");
        }
        if (!symbolValid) {
            return new Decoded.Invalid(plan, "symbol", "not ^[A-Z0-9]{2,32}$");
        }
        boolean qtyGiven = f.get("qty") != null && !f.get("qty").isBlank();
        if (plan.planClass() == PlanClass.CLOSE && qtyGiven && qty.isEmpty()) {
            return new Decoded.Invalid(plan, "qty", "not a number");
        }
        if (plan.planClass() == PlanClass.OPEN && kill.isEmpty()) {
            return new Decoded.Invalid(plan, "kill_score", "not a number");
        }
        return new Decoded.Valid(plan, plan.qty().isPresent() ? Double.toString(plan.qty().getAsDouble()) : "");
    }

    /** 1–128 printable ASCII characters, no spaces. */
    public static boolean validPlanId(String id) {
        if (id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** A finite decimal number (no NaN, Infinity, hex or Java suffixes), after trimming. */
    static OptionalDouble number(String raw) {
        if (raw == null) {
            return OptionalDouble.empty();
        }
        String v = raw.strip();
        if (v.length() > 64 || !NUMBER.matcher(v).matches()) {
            return OptionalDouble.empty();
        }
        double d = Double.parseDouble(v);
        return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    }

    /** Printable and short, for log lines and records: control and non-ASCII characters become {@code ?}. */
    public static String shown(String raw) {
        StringBuilder b = new StringBuilder(Math.min(raw.length(), SHOWN_CHARS + 3));
        for (int i = 0; i < raw.length() && i < SHOWN_CHARS; i++) {
            char c = raw.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (raw.length() > SHOWN_CHARS) {
            b.append("...");
        }
        return b.toString();
    }
}
