package io.quantumgates.governor.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.redis.LuaScript;
import io.quantumgates.common.redis.StreamEntry;
import io.quantumgates.governor.policy.BlockReason;
import io.quantumgates.governor.policy.PlanCodec;
import io.quantumgates.governor.policy.Records;
import java.util.List;

/** Runs {@code dlq.lua}: dead letter + audit + marker + XACK in one step. */
public final class DeadLetterScript {
    private static final LuaScript SCRIPT = GovernorScripts.load("/governor/dlq.lua");

    private final String instance;
    private final String mode;

    public DeadLetterScript(String instance, String mode) {
        this.instance = instance;
        this.mode = mode;
    }

    /** @return true if written, false if the plan already had an outcome (then only acked) */
    public boolean run(RedisCommands<String, String> redis, StreamEntry entry, BlockReason reason) {
        String raw = entry.fields().getOrDefault("plan_id", "");
        boolean valid = PlanCodec.validPlanId(raw);
        String planId = valid ? raw : PlanCodec.shown(raw);
        String symbol = entry.fields().get("symbol") == null ? "" : PlanCodec.shown(entry.fields().get("symbol").strip());
        String action = entry.fields().get("action") == null ? "" : PlanCodec.shown(entry.fields().get("action").strip());
        List<Object> reply = SCRIPT.eval(redis, ScriptOutputType.MULTI, List.of(), List.of(
                planId, valid ? "1" : "0", entry.stream(), entry.group(), entry.id(), reason.code(),
                Long.toString(entry.deliveries()), Records.dlqFields(entry.fields()), instance, symbol, action, mode));
        return "DLQ".equals(String.valueOf(reply.get(1)));
    }
}
