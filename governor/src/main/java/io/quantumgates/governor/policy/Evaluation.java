package io.quantumgates.governor.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the decide script reports: the verdict it wrote and the figures it judged with (only those it reached).
 * Parsed from its flat {@code key, value, ...} reply.
 */
public record Evaluation(Map<String, String> values) {
    public Evaluation {
        values = Map.copyOf(values);
    }

    public static Evaluation fromReply(List<?> reply) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            m.put(String.valueOf(reply.get(i)), String.valueOf(reply.get(i + 1)));
        }
        return new Evaluation(m);
    }

    public static Evaluation of(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new Evaluation(m);
    }

    public Optional<String> text(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public OptionalDouble number(String key) {
        Optional<String> v = text(key);
        if (v.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v.get()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    public String verdict() {
        return values.getOrDefault("verdict", "");
    }

    public String detail() {
        return values.getOrDefault("detail", "");
    }

    public Optional<BlockReason> reason() {
        return text("reason").flatMap(BlockReason::fromCode);
    }

    /** The typed outcome; an unknown verdict or reason is a script bug and throws. */
    public Decision decision(PlanClass planClass) {
        return switch (verdict()) {
            case "DUPLICATE" -> new Decision.Duplicate(values.getOrDefault("prior", "UNKNOWN"));
            case "ALLOW" -> new Decision.Allow(
                    planClass, number("permit_qty").orElse(0), number("permit_notional").orElse(0));
            case "BLOCK" -> new Decision.Block(reason().orElseThrow(() -> bad("reason")), detail());
            case "WOULD_BLOCK" -> new Decision.WouldBlock(reason().orElseThrow(() -> bad("reason")), detail(),
                    number("permit_qty").orElse(0), number("permit_notional").orElse(0));
            default -> throw bad("verdict");
        };
    }

    private IllegalStateException bad(String key) {
        return new IllegalStateException("decide script returned an unknown " + key + ": " + values.get(key));
    }
}
