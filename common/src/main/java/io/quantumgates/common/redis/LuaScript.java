package io.quantumgates.common.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run with EVALSHA, reloaded (SCRIPT LOAD) and retried once on NOSCRIPT: a restarted Redis has no
 * scripts.
 */
public final class LuaScript {
    private static final String[] NO_STRINGS = new String[0];

    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1Hex(source);
    }

    /** Loads the script text from a classpath resource, e.g. {@code /governor/decide.lua}. */
    public static LuaScript fromResource(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(path);
        if (in == null) {
            in = LuaScript.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new IllegalArgumentException("Lua script not found on the classpath: " + resource);
        }
        try (InputStream stream = in) {
            return new LuaScript(resource, new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read Lua script " + resource, e);
        }
    }

    public static LuaScript of(String name, String source) {
        return new LuaScript(name, source);
    }

    public String name() {
        return name;
    }

    /** SHA-1 of the source, as Redis computes it for EVALSHA. */
    public String sha() {
        return sha;
    }

    /** Runs the script; the result is Lua's reply as {@code type} (MULTI gives a {@code List<Object>}). */
    public <T> T eval(RedisCommands<String, String> redis, ScriptOutputType type, List<String> keys, List<String> args) {
        String[] keyArray = keys.toArray(NO_STRINGS);
        String[] argArray = args.toArray(NO_STRINGS);
        try {
            return redis.evalsha(sha, type, keyArray, argArray);
        } catch (RedisNoScriptException e) {
            // Redis restarted or SCRIPT FLUSH ran: load it again and retry once.
            redis.scriptLoad(source);
            return redis.evalsha(sha, type, keyArray, argArray);
        }
    }

    @Override
    public String toString() {
        return "LuaScript[" + name + " " + sha + "]";
    }

    private static String sha1Hex(String source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(digest.digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JVM", e);
        }
    }
}
