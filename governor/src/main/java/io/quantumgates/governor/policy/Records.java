package io.quantumgates.governor.policy;

import io.quantumgates.common.format.PyFloat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The §3.5 record bodies, key order and number forms as the contract fixes them. The decide script writes the same
 * bytes inside Redis; these are the reference its tests compare against, and what tools print.
 */
public final class Records {
    private Records() {}

    public static String permit(String symbol, double qty, double notional, long createdAtMs) {
        return "{\"granted\": true, \"symbol\": " + PyJson.string(symbol) + ", \"decision\": \"EXECUTE\", "
                + "\"computed_qty\": " + PyFloat.format(qty) + ", \"computed_notional\": " + PyFloat.format(notional)
                + ", \"created_at\": " + Fmt.epochSeconds(createdAtMs) + ", \"consumed\": false}";
    }

    public static String block(BlockReason reason, String symbol, String detail, long timestampMs) {
        return "{\"reason\": " + PyJson.string(reason.code()) + ", \"timestamp\": " + Fmt.epochSeconds(timestampMs)
                + ", \"symbol\": " + PyJson.string(symbol)
                + (detail.isEmpty() ? "" : ", \"detail\": " + PyJson.string(detail)) + "}";
    }

    public static String marker(String outcome, String reason, String streamId, String auditId, long decidedAtMs) {
        return "{\"outcome\": " + PyJson.string(outcome) + ", \"reason\": " + PyJson.string(reason)
                + ", \"stream_id\": " + PyJson.string(streamId) + ", \"audit_id\": " + PyJson.string(auditId)
                + ", \"decided_at\": " + Fmt.epochSeconds(decidedAtMs) + "}";
    }

    /** The DLQ {@code fields} value: the entry's fields with each value cut to 1024 characters. */
    public static String dlqFields(Map<String, String> fields) {
        Map<String, String> cut = new LinkedHashMap<>();
        fields.forEach((k, v) -> cut.put(k, v.length() > 1024 ? v.substring(0, 1024) : v));
        return PyJson.stringObject(cut);
    }

    /** §3.3 detail forms. */
    public static final class Detail {
        private Detail() {}

        public static String cooldown(double remainingSeconds) {
            return "remaining_s=" + Fmt.fixed(remainingSeconds, 1);
        }

        public static String positions(int projected, int max) {
            return "projected=" + projected + " max=" + max;
        }

        public static String perTrade(double notional, Limits caps) {
            return "notional=" + Fmt.money(notional) + " max=" + caps.perTradeShown();
        }

        public static String total(double projected, Limits caps) {
            return "projected=" + Fmt.money(projected) + " max=" + caps.totalShown();
        }

        public static String daily(double dayTotal, Limits caps) {
            return "day_total=" + Fmt.money(dayTotal) + " max=" + caps.dailyShown();
        }

        public static String killScore(double k, Limits caps) {
            return "k=" + Fmt.fixed(k, 3) + " critical=" + caps.killScoreShown();
        }

        public static String count(int count, int max) {
            return "count=" + count + " max=" + max;
        }
    }
}
