package io.quantumgates.governor.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.redis.LuaScript;
import java.util.List;

/** Runs {@code disarm.lua}: sets the auto-disarm latch (NX), the day record and the AUTO_DISARM event. */
public final class DisarmScript {
    private static final LuaScript SCRIPT = GovernorScripts.load("/governor/disarm.lua");

    /** @param triggered false when a latch was already set; {@code reason} is then the latch's reason */
    public record Result(boolean triggered, String reason) {}

    public Result run(RedisCommands<String, String> redis, String reason, String contextJson, String instance,
            String eventsStream) {
        List<Object> reply = SCRIPT.eval(redis, ScriptOutputType.MULTI, List.of(),
                List.of(reason, contextJson, instance, eventsStream));
        return new Result("triggered".equals(String.valueOf(reply.get(0))), String.valueOf(reply.get(1)));
    }
}
