package io.quantumgates.heatgate.redis;

import io.quantumgates.heatgate.heat.Decimal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads proposals in every producer's shape. The real harvest publisher sends {@code harvest_action} and no
 * {@code plan_id}; the original gate skipped exactly those, so here the plan id is derived from the entry id.
 */
public final class ProposalCodec {
    static final int MAX_VALUE_BYTES = 8192;
    private static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9]{2,32}$");

    private final Supplier<UUID> uuids;

    public ProposalCodec(Supplier<UUID> uuids) {
        this.uuids = uuids;
    }

    public static ProposalCodec withRandomTraceIds() {
        return new ProposalCodec(UUID::randomUUID);
    }

    public Decoded decode(String entryId, long entryMillis, Map<String, String> fields) {
        for (String value : fields.values()) {
            // Bytes, not chars: a UTF-8 value can be up to 3x its char count.
            if (value.length() > MAX_VALUE_BYTES / 3 && value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
                return new Decoded.Rejected("oversized_field");
            }
        }
        String symbol = text(fields, "symbol");
        if (symbol.isEmpty()) {
            return new Decoded.Rejected("missing_symbol");
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            return new Decoded.Rejected("invalid_symbol");
        }
        String action = text(fields, "action");
        if (action.isEmpty()) {
            action = text(fields, "harvest_action");
        }
        if (action.isEmpty()) {
            return new Decoded.Rejected("missing_action");
        }
        String planId = text(fields, "plan_id");
        if (planId.isEmpty()) {
            planId = "p26-" + entryId;
        }
        String traceId = text(fields, "trace_id");
        if (traceId.isEmpty()) {
            traceId = uuids.get().toString();
        }
        Decimal sigma = Decimal.of(fields.get("sigma"));
        Optional<BigDecimal> proposalSigma = sigma.positive() ? Optional.of(sigma.value()) : Optional.empty();
        return new Decoded.Ok(new Proposal(entryId, entryMillis, planId, symbol, action, traceId, proposalSigma, fields));
    }

    private static String text(Map<String, String> fields, String name) {
        String v = fields.get(name);
        return v == null ? "" : v.trim();
    }
}
