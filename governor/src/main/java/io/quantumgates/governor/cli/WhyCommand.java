package io.quantumgates.governor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.Env;
import io.quantumgates.governor.GovernorKeys;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code why <plan_id>}: the decided marker, its audit entry (the inputs the decision saw: positions, notional, mark,
 * snapshot age ...), and the plan entry and permit/block record while they still exist.
 */
@Command(
        name = "why",
        mixinStandardHelpOptions = true,
        description = {
            "The recorded decision for a plan, with the inputs it was judged on.",
            "The decided marker, its audit entry (class, outcome, reason, detail, qty, mark, notional, positions,",
            "snapshot age ...), the permit or block record and the plan entry while they still exist."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:decision found", "1:no decision recorded for that plan_id, or Redis failed", "2:usage"})
public final class WhyCommand extends OperatorCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "PLAN_ID", description = "The plan_id (the full id, not the 8-character prefix)")
    String planId;

    public WhyCommand() {
        this(Env.system(), InstantSource.system());
    }

    WhyCommand(Env env, InstantSource clock) {
        super(env, clock);
    }

    @Override
    int execute() {
        CliKeys keys = CliKeys.from(env());
        try (RedisSession session = RedisSession.open(env())) {
            RedisCommands<String, String> redis = session.commands();
            String marker = redis.get(GovernorKeys.DECIDED_PREFIX + planId);
            if (marker == null) {
                err().println("No decision recorded for plan " + planId + " (" + GovernorKeys.DECIDED_PREFIX + planId
                        + " is absent: never read, a skip (decision != EXECUTE), still pending, or decided more than 24 h ago)");
                return FAILURE;
            }
            Map<String, String> decided = flatFields(marker);
            out().println("Plan " + planId + ": " + decided.getOrDefault("outcome", "?") + " "
                    + decided.getOrDefault("reason", "?") + " (decided " + Times.local(decided.get("decided_at")) + ")");
            audit(redis, decided.get("audit_id"));
            record(redis, GovernorKeys.BLOCK_PREFIX + planId);
            record(redis, GovernorKeys.PERMIT_PREFIX + planId);
            planEntry(redis, keys, decided.get("stream_id"));
            return OK;
        }
    }

    private void audit(RedisCommands<String, String> redis, String auditId) {
        if (auditId == null || auditId.isEmpty()) {
            out().println("Audit entry: not referenced by the marker");
            return;
        }
        List<StreamMessage<String, String>> entries = redis.xrange(GovernorKeys.AUDIT, Range.create(auditId, auditId));
        if (entries.isEmpty()) {
            out().println("Audit entry " + auditId + ": trimmed from " + GovernorKeys.AUDIT);
            return;
        }
        out().println("Audit entry " + auditId + " (" + GovernorKeys.AUDIT + "):");
        entries.get(0).getBody().forEach((k, v) -> out().println("  " + k + " = " + v));
    }

    private void record(RedisCommands<String, String> redis, String key) {
        String body = redis.get(key);
        if (body != null) {
            out().println(key + " (expires in " + redis.ttl(key) + " s): " + body);
        }
    }

    private void planEntry(RedisCommands<String, String> redis, CliKeys keys, String streamId) {
        if (streamId == null || streamId.isEmpty()) {
            return;
        }
        List<StreamMessage<String, String>> entries = redis.xrange(keys.plans(), Range.create(streamId, streamId));
        if (entries.isEmpty()) {
            out().println("Plan entry " + streamId + ": no longer in " + keys.plans());
            return;
        }
        out().println("Plan entry " + streamId + " (" + keys.plans() + "):");
        entries.get(0).getBody().forEach((k, v) -> out().println("  " + k + " = " + v));
    }

    /** The top-level fields of a flat JSON object (the marker), numbers and strings alike as text. */
    static Map<String, String> flatFields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(json);
            node.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
        } catch (JsonProcessingException e) {
            fields.put("outcome", "unreadable marker: " + json);
        }
        return fields;
    }
}
