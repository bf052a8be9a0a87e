package io.quantumgates.governor.redis;

import io.quantumgates.common.redis.LuaScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Governor's Lua scripts with the shared prelude ({@code /governor/lib.lua}: time, JSON strings, UTC date, the
 * duplicate check, reservation release) in front. Each stays one script for EVALSHA (the contract's call), and its
 * SHA covers prelude and body, so changing the prelude changes every script's SHA.
 */
public final class GovernorScripts {
    private static final String PRELUDE = read("/governor/lib.lua");

    private GovernorScripts() {}

    /** Prelude + the script at {@code resource}, e.g. {@code /governor/decide.lua}. */
    public static String source(String resource) {
        return PRELUDE + read(resource);
    }

    public static LuaScript load(String resource) {
        return LuaScript.of(resource, source(resource));
    }

    private static String read(String resource) {
        try (InputStream in = GovernorScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
