package io.quantumgates.bench.load;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Server-side counters from INFO (commandstats, cpu), as deltas between two snapshots: where Redis's own time went
 * (e.g. µs per EVALSHA: the decision script's cost inside Redis) without resetting an attached server's stats.
 */
final class RedisStats {
    private final Map<String, long[]> commands; // name -> {calls, usec}
    private final double cpuSeconds;
    private final long nanos;

    private RedisStats(Map<String, long[]> commands, double cpuSeconds, long nanos) {
        this.commands = commands;
        this.cpuSeconds = cpuSeconds;
        this.nanos = nanos;
    }

    static RedisStats take(RedisCommands<String, String> redis) {
        Map<String, long[]> commands = new HashMap<>();
        for (String line : redis.info("commandstats").split("\r?\n")) {
            // cmdstat_evalsha:calls=3000,usec=81234,usec_per_call=27.08,...
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String name = line.substring(8, line.indexOf(':'));
            long calls = 0;
            long usec = 0;
            for (String kv : line.substring(line.indexOf(':') + 1).split(",")) {
                String[] p = kv.split("=");
                if (p[0].equals("calls")) {
                    calls = Long.parseLong(p[1]);
                } else if (p[0].equals("usec")) {
                    usec = Long.parseLong(p[1]);
                }
            }
            commands.put(name, new long[] {calls, usec});
        }
        double cpu = 0;
        for (String line : redis.info("cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                cpu += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return new RedisStats(commands, cpu, System.nanoTime());
    }

    /** A readable summary of what happened between {@code before} and this snapshot. */
    String since(RedisStats before) {
        double seconds = (nanos - before.nanos) / 1e9;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "CPU %.0f%% of one core",
                100 * (cpuSeconds - before.cpuSeconds) / Math.max(1e-9, seconds)));
        commands.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), delta(e.getValue(), before.commands.get(e.getKey()))))
                .filter(e -> e.getValue()[0] > 0)
                .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
                .limit(10)
                .forEach(e -> b.append(String.format(Locale.ROOT, "; %s %d× %.1f µs", e.getKey(), e.getValue()[0],
                        (double) e.getValue()[1] / e.getValue()[0])));
        return b.toString();
    }

    private static long[] delta(long[] now, long[] then) {
        return then == null ? now : new long[] {now[0] - then[0], now[1] - then[1]};
    }
}
