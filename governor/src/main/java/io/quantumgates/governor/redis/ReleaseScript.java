package io.quantumgates.governor.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.redis.LuaScript;
import io.quantumgates.common.redis.StreamEntry;
import java.util.List;
import java.util.Locale;

/** Runs {@code release.lua} for one {@code apply.result} entry, acking it in the same step. */
public final class ReleaseScript {
    private static final LuaScript SCRIPT = GovernorScripts.load("/governor/release.lua");

    /** @return {@code released}, {@code filled} or {@code none} */
    public String run(RedisCommands<String, String> redis, StreamEntry entry) {
        String planId = entry.fields().getOrDefault("plan_id", "").strip();
        if (planId.length() > 128) {
            planId = "";
        }
        String executed = entry.fields().getOrDefault("executed", "").strip().toLowerCase(Locale.ROOT);
        boolean done = executed.equals("true") || executed.equals("1");
        return SCRIPT.eval(redis, ScriptOutputType.VALUE, List.of(),
                List.of(planId, done ? "1" : "0", entry.stream(), entry.group(), entry.id()));
    }
}
