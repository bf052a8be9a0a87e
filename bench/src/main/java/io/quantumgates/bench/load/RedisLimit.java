package io.quantumgates.bench.load;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.redis.LuaScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Redis-bound limit of a decision on this machine: the round trips a daemon needs per entry (a batch XREADGROUP,
 * then one EVALSHA per entry that writes a marker, a permit, an audit entry and XACKs) driven as fast as possible on
 * one connection, sequentially, like the daemon's single consume loop — with no decision logic, logging or metrics.
 */
final class RedisLimit {
    private static final LuaScript SCRIPT = LuaScript.fromResource("/bench/limit.lua");
    private static final int BATCH = 100;
    private static final int WARMUP = 3000;

    /** @param scriptRtt one EVALSHA round trip per entry */
    record Result(int entries, double perSecond, Latencies scriptRtt, String redisServer) {}

    private RedisLimit() {}

    static Result measure(RedisClient client, String runTag, int count) {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            pass(connection, runTag + ":warm", WARMUP);
            Result result = pass(connection, runTag + ":limit", count);
            cleanup(connection.sync(), "bench:" + runTag + ":*");
            return result;
        }
    }

    private static Result pass(StatefulRedisConnection<String, String> connection, String tag, int count) {
        String prefix = "bench:" + tag;
        String in = prefix + ":in";
        String audit = prefix + ":audit";
        String group = "limit";
        fill(connection.async(), in, count);
        RedisCommands<String, String> redis = connection.sync();
        redis.xgroupCreate(XReadArgs.StreamOffset.from(in, "0"), group, XGroupCreateArgs.Builder.mkstream());
        RedisStats before = RedisStats.take(redis);
        long[] rtt = new long[count];
        int done = 0;
        XReadArgs args = XReadArgs.Builder.count(BATCH).block(Duration.ofMillis(100));
        long start = System.nanoTime();
        while (done < count) {
            List<StreamMessage<String, String>> batch =
                    redis.xreadgroup(Consumer.from(group, "c1"), args, XReadArgs.StreamOffset.lastConsumed(in));
            if (batch.isEmpty()) {
                break;
            }
            for (StreamMessage<String, String> m : batch) {
                Map<String, String> f = m.getBody();
                String planId = f.get("plan_id");
                long t0 = System.nanoTime();
                SCRIPT.eval(redis, ScriptOutputType.INTEGER,
                        List.of(prefix + ":decided:" + planId, prefix + ":permit:" + planId, audit, in),
                        List.of(group, m.getId(), planId, permitJson(f.get("symbol")), f.get("symbol")));
                rtt[done++] = System.nanoTime() - t0;
            }
        }
        long elapsed = System.nanoTime() - start;
        String server = RedisStats.take(redis).since(before);
        if (done < count) {
            throw new IllegalStateException("redis-limit read only " + done + " of " + count + " entries");
        }
        redis.del(in, audit);
        return new Result(count, count / (elapsed / 1e9), Latencies.of(rtt, done), server);
    }

    private static String permitJson(String symbol) {
        return "{\"granted\": true, \"symbol\": \"" + symbol + "\", \"decision\": \"EXECUTE\", \"computed_qty\": 0.0, "
                + "\"computed_notional\": 0.0, \"created_at\": 1769471881.204, \"consumed\": false}";
    }

    private static void fill(RedisAsyncCommands<String, String> redis, String stream, int count) {
        GovernorWorkload shape = new GovernorWorkload(200, "", "", "", Map.of());
        List<CompletableFuture<String>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(redis.xadd(stream, shape.entry(i, "lim-" + i)).toCompletableFuture());
            if (pending.size() == 1000) {
                CompletableFuture.allOf(pending.toArray(new CompletableFuture[0])).join();
                pending.clear();
            }
        }
        CompletableFuture.allOf(pending.toArray(new CompletableFuture[0])).join();
    }

    private static void cleanup(RedisCommands<String, String> redis, String pattern) {
        ScanIterator<String> keys = ScanIterator.scan(redis, ScanArgs.Builder.matches(pattern).limit(1000));
        List<String> batch = new ArrayList<>();
        while (keys.hasNext()) {
            batch.add(keys.next());
            if (batch.size() == 500) {
                redis.unlink(batch.toArray(new String[0]));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            redis.unlink(batch.toArray(new String[0]));
        }
    }
}
