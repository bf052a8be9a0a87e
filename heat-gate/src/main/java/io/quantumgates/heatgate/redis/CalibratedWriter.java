package io.quantumgates.heatgate.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.redis.LuaScript;
import io.quantumgates.heatgate.calibration.Calibration;
import io.quantumgates.heatgate.heat.Heat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Writes one proposal's outcome in one Lua call: the calibrated entry + done key + (enforce) the proposal hash +
 * XACK, or only XACK when the done key shows an earlier delivery already wrote it.
 *
 * <p>A batch's calls are sent ahead ({@link #send}) and their replies collected in order ({@link #await}): Redis
 * runs them one after another as before, but the consume loop no longer waits a round trip per proposal.
 */
public final class CalibratedWriter {
    private static final String RESOURCE = "/heatgate/calibrate.lua";
    private static final LuaScript SCRIPT = LuaScript.fromResource(RESOURCE);
    private static final String[] NO_STRINGS = new String[0];

    private final RedisCommands<String, String> redis;
    private final RedisAsyncCommands<String, String> async;
    private final Duration timeout;
    private final String mode;
    private final boolean enforce;
    private final String outputMaxlen;
    private final String hashTtlSec;
    private final String doneTtlSec = Long.toString(Keys.DONE_TTL_SEC);

    public CalibratedWriter(StatefulRedisConnection<String, String> connection, boolean enforce, long outputMaxlen,
            long hashTtlSec) {
        this.redis = connection.sync();
        this.async = connection.async();
        this.timeout = connection.getTimeout();
        this.enforce = enforce;
        this.mode = enforce ? "enforce" : "shadow";
        this.outputMaxlen = Long.toString(outputMaxlen);
        this.hashTtlSec = Long.toString(hashTtlSec);
    }

    /**
     * SCRIPT LOAD, so a batch sent ahead does not meet NOSCRIPT on a fresh server. Not required for correctness:
     * a call that does is re-run synchronously by {@link #await}, which loads the script.
     */
    public void loadScript() {
        redis.scriptLoad(source());
    }

    /** Sends the call without waiting for its reply. */
    public Pending send(Proposal p, Calibration c, Heat heat, long nowMillis) {
        Pending call = call(p, c, heat, nowMillis);
        call.reply = async.evalsha(SCRIPT.sha(), ScriptOutputType.MULTI, call.keys, call.args);
        return call;
    }

    /**
     * The reply of a call sent ahead. NOSCRIPT (a restarted Redis, SCRIPT FLUSH) means the script did not run:
     * it is run again here, synchronously, which loads it. Other errors propagate: the entry stays pending.
     */
    public WriteResult await(Pending call) {
        List<Object> reply;
        try {
            reply = LettuceFutures.awaitOrCancel(call.reply, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RedisCommandExecutionException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            reply = SCRIPT.eval(redis, ScriptOutputType.MULTI, List.of(call.keys), List.of(call.args));
        }
        return result(reply);
    }

    /** Sends and waits: for a proposal that was not sent ahead. */
    public WriteResult write(Proposal p, Calibration c, Heat heat, long nowMillis) {
        Pending call = call(p, c, heat, nowMillis);
        return result(SCRIPT.eval(redis, ScriptOutputType.MULTI, List.of(call.keys), List.of(call.args)));
    }

    private Pending call(Proposal p, Calibration c, Heat heat, long nowMillis) {
        // One list sized for everything, filled in place: the output fields' count goes before them.
        List<String> args = new ArrayList<>(8 + CalibratedFields.outputSizeBound(p) + CalibratedFields.HASH_SIZE);
        args.add(Keys.GROUP);
        args.add(p.entryId());
        args.add(outputMaxlen);
        args.add(doneTtlSec);
        args.add(enforce ? "1" : "0");
        args.add(hashTtlSec);
        args.add(Long.toString(p.entryMillis()));
        args.add(""); // the output fields' count, set below
        CalibratedFields.output(args, p, c, heat, mode, nowMillis / 1000);
        args.set(7, Integer.toString(args.size() - 8));
        if (enforce) {
            CalibratedFields.hash(args, p, c, heat, String.format(Locale.ROOT, "%.3f", nowMillis / 1000.0));
        }
        String[] keys = {Keys.done(p.entryId()), Keys.CALIBRATED, Keys.PROPOSALS, Keys.proposalHash(p.symbol())};
        return new Pending(keys, args.toArray(NO_STRINGS));
    }

    private static WriteResult result(List<Object> reply) {
        boolean duplicate = "duplicate".equals(text(reply.get(0)));
        WriteResult.HashWrite hash = switch (text(reply.get(2))) {
            case "written" -> WriteResult.HashWrite.WRITTEN;
            case "stale" -> WriteResult.HashWrite.STALE;
            case "failed" -> WriteResult.HashWrite.FAILED;
            default -> WriteResult.HashWrite.OFF;
        };
        return new WriteResult(duplicate, text(reply.get(1)), hash, text(reply.get(3)));
    }

    private static boolean isNoScript(RedisCommandExecutionException e) {
        return e instanceof RedisNoScriptException || (e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT"));
    }

    private static String source() {
        try (InputStream in = CalibratedWriter.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Lua script not found on the classpath: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    static String text(Object o) {
        if (o instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return o == null ? "" : o.toString();
    }

    /** One call: its arguments (kept to re-run it after NOSCRIPT) and, once sent, its reply. */
    public static final class Pending {
        private final String[] keys;
        private final String[] args;
        private RedisFuture<List<Object>> reply;

        private Pending(String[] keys, String[] args) {
            this.keys = keys;
            this.args = args;
        }
    }
}
