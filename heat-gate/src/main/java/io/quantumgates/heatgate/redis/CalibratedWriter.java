package io.quantumgates.heatgate.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.redis.LuaScript;
import io.quantumgates.heatgate.calibration.Calibration;
import io.quantumgates.heatgate.heat.Heat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one proposal's outcome in one Lua call: the calibrated entry + done key + (enforce) the proposal hash +
 * XACK, or only XACK when the done key shows an earlier delivery already wrote it.
 */
public final class CalibratedWriter {
    private static final LuaScript SCRIPT = LuaScript.fromResource("/heatgate/calibrate.lua");

    private final RedisCommands<String, String> redis;
    private final String mode;
    private final boolean enforce;
    private final long outputMaxlen;
    private final long hashTtlSec;

    public CalibratedWriter(RedisCommands<String, String> redis, boolean enforce, long outputMaxlen, long hashTtlSec) {
        this.redis = redis;
        this.enforce = enforce;
        this.mode = enforce ? "enforce" : "shadow";
        this.outputMaxlen = outputMaxlen;
        this.hashTtlSec = hashTtlSec;
    }

    public WriteResult write(Proposal p, Calibration c, Heat heat, long nowMillis) {
        List<String> output = CalibratedFields.output(p, c, heat, mode, nowMillis / 1000);
        List<String> args = new ArrayList<>(8 + output.size() + 20);
        args.add(Keys.GROUP);
        args.add(p.entryId());
        args.add(Long.toString(outputMaxlen));
        args.add(Long.toString(Keys.DONE_TTL_SEC));
        args.add(enforce ? "1" : "0");
        args.add(Long.toString(hashTtlSec));
        args.add(Long.toString(p.entryMillis()));
        args.add(Integer.toString(output.size()));
        args.addAll(output);
        if (enforce) {
            args.addAll(CalibratedFields.hash(p, c, heat, String.format(Locale.ROOT, "%.3f", nowMillis / 1000.0)));
        }
        List<String> keys = List.of(Keys.done(p.entryId()), Keys.CALIBRATED, Keys.PROPOSALS, Keys.proposalHash(p.symbol()));
        List<Object> reply = SCRIPT.eval(redis, ScriptOutputType.MULTI, keys, args);
        boolean duplicate = "duplicate".equals(text(reply.get(0)));
        WriteResult.HashWrite hash = switch (text(reply.get(2))) {
            case "written" -> WriteResult.HashWrite.WRITTEN;
            case "stale" -> WriteResult.HashWrite.STALE;
            case "failed" -> WriteResult.HashWrite.FAILED;
            default -> WriteResult.HashWrite.OFF;
        };
        return new WriteResult(duplicate, text(reply.get(1)), hash, text(reply.get(3)));
    }

    static String text(Object o) {
        if (o instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        return o == null ? "" : o.toString();
    }
}
