package io.quantumgates.heatgate.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.redis.LuaScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Moves an entry to {@code quantum:stream:harvest.proposal.dlq} and acks it in one Lua call. */
public final class DeadLetterWriter {
    private static final LuaScript SCRIPT = LuaScript.fromResource("/heatgate/deadletter.lua");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_SHOWN_VALUE = 1024;

    private final RedisCommands<String, String> redis;
    private final String instance;

    public DeadLetterWriter(RedisCommands<String, String> redis, String instance) {
        this.redis = redis;
        this.instance = instance;
    }

    /** @return false when the entry already had an outcome (only acked) */
    public boolean write(String entryId, Map<String, String> fields, long deliveries, String reason, long nowMillis) {
        List<String> args = new ArrayList<>(List.of(Keys.GROUP, entryId, Long.toString(Keys.DLQ_MAXLEN),
                Long.toString(Keys.DONE_TTL_SEC)));
        args.addAll(List.of(
                "stream_id", entryId,
                "reason", reason,
                "deliveries", Long.toString(deliveries),
                "fields", json(fields),
                "instance", instance,
                "dlq_at", String.format(Locale.ROOT, "%.3f", nowMillis / 1000.0)));
        List<Object> reply = SCRIPT.eval(redis, ScriptOutputType.MULTI,
                List.of(Keys.done(entryId), Keys.DLQ, Keys.PROPOSALS), args);
        return "dead_lettered".equals(CalibratedWriter.text(reply.get(0)));
    }

    /** The entry's fields as JSON, each value cut to 1024 characters so a huge field cannot bloat the DLQ. */
    static String json(Map<String, String> fields) {
        Map<String, String> shown = new LinkedHashMap<>();
        fields.forEach((k, v) -> shown.put(k, v.length() > MAX_SHOWN_VALUE ? v.substring(0, MAX_SHOWN_VALUE) : v));
        try {
            return JSON.writeValueAsString(shown);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
