package io.quantumgates.common.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;

/**
 * A Lua script run with EVALSHA, reloaded (SCRIPT LOAD) and retried once on NOSCRIPT: a restarted Redis has no
 * scripts.
 *
 * <p>API agreed across modules; the body is filled in by the stream-consumer work.
 */
public final class LuaScript {
    /** Loads the script text from a classpath resource, e.g. {@code /governor/decide.lua}. */
    public static LuaScript fromResource(String resource) {
        throw new UnsupportedOperationException("todo");
    }

    public static LuaScript of(String name, String source) {
        throw new UnsupportedOperationException("todo");
    }

    public String sha() {
        throw new UnsupportedOperationException("todo");
    }

    /** Runs the script; the result is Lua's reply as {@code type} (MULTI gives a {@code List<Object>}). */
    public <T> T eval(RedisCommands<String, String> redis, ScriptOutputType type, List<String> keys, List<String> args) {
        throw new UnsupportedOperationException("todo");
    }
}
