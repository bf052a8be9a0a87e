package io.quantumgates.bench.load;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/** Prints a run's figures, each next to its ratio to the Redis-bound limit measured in the same run. */
final class Report {
    private Report() {}

    static void print(RunResult r, PrintStream out, boolean markdown) {
        Latencies e = r.endToEnd();
        Latencies c = r.redisClock();
        out.println();
        out.printf(Locale.ROOT, "== %s: %d entries, rate %s, %d instance(s), exchange latency %d ms ==%n", r.daemon(),
                r.count(), r.rate() == 0 ? "max" : r.rate() + "/s", r.instances(), r.exchangeLatencyMs());
        r.limit().ifPresent(l -> out.printf(Locale.ROOT,
                "redis-limit          : %.0f entries/s, script round trip p50 %s ms, p99 %s ms (%d entries)%n",
                l.perSecond(), Latencies.millis(l.scriptRtt().percentile(50)),
                Latencies.millis(l.scriptRtt().percentile(99)), l.entries()));
        out.printf(Locale.ROOT, "throughput           : %.0f /s%s (publish rate %.0f /s, window %.2f s)%n",
                r.throughput(), ratio(r.throughput(), r.limit().map(RedisLimit.Result::perSecond)),
                r.publishRate(), r.windowSeconds());
        out.printf(Locale.ROOT, "latency XADD→outcome : p50 %s  p90 %s  p99 %s  max %s ms%s%n",
                Latencies.millis(e.percentile(50)), Latencies.millis(e.percentile(90)),
                Latencies.millis(e.percentile(99)), Latencies.millis(e.max()), latencyRatio(r));
        out.printf(Locale.ROOT, "latency Redis clock  : p50 %s  p90 %s  p99 %s  max %s ms (entry ids, 1 ms resolution)%n",
                Latencies.millis(c.percentile(50)), Latencies.millis(c.percentile(90)),
                Latencies.millis(c.percentile(99)), Latencies.millis(c.max()));
        out.printf(Locale.ROOT, "outcomes             : %d of %d, missing %d, duplicates %d, publish failures %d%n",
                r.count() - r.missing(), r.count(), r.missing(), r.duplicates(), r.publishFailures());
        for (Map.Entry<String, Integer> o : r.outcomes().entrySet()) {
            out.printf(Locale.ROOT, "  %-40s %d%n", o.getKey(), o.getValue());
        }
        if (r.weightPerMinute() >= 0) {
            out.printf(Locale.ROOT, "exchange             : %.0f weight/min, %.1f requests/min%n", r.weightPerMinute(),
                    r.requestsPerMinute());
        }
        r.limit().ifPresent(l -> out.printf(Locale.ROOT, "redis server (limit) : %s%n", l.redisServer()));
        out.printf(Locale.ROOT, "redis server (run)   : %s%n", r.redisServer());
        out.printf(Locale.ROOT, "daemon CPU           : %s%% of one core (per instance, measured window)%n",
                r.daemonCpuPercent().stream().map(pct -> String.format(Locale.ROOT, "%.0f", pct))
                        .collect(java.util.stream.Collectors.joining("/")));
        out.printf(Locale.ROOT, "daemon threads (1)   : %s%n", r.daemonThreadCpu());
        out.printf(Locale.ROOT, "daemon peak RSS      : %s MB (VmHWM per instance)%n", rssList(r));
        out.printf(Locale.ROOT, "daemon exit codes    : %s%n", r.exitCodes());
        out.printf(Locale.ROOT, "run dir              : %s%n", r.runDir());
        out.println(r.complete() ? "RESULT: complete" : "RESULT: INCOMPLETE (missing or duplicate outcomes)");
        if (markdown) {
            out.println();
            out.println("| date | daemon | inst | exch ms | count | rate | throughput /s (× limit) | p50 ms | p90 ms "
                    + "| p99 ms (× limit p99) | max ms | missing | weight/min | peak RSS MB |");
            out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %s | %.0f (%s) | %s | %s | %s (%s) | %s | %d | %s | %s |%n",
                    LocalDate.now(), r.daemon(), r.instances(), r.exchangeLatencyMs(), r.count(),
                    r.rate() == 0 ? "max" : Integer.toString(r.rate()), r.throughput(),
                    r.limit().map(l -> String.format(Locale.ROOT, "%.2f", r.throughput() / l.perSecond())).orElse("–"),
                    Latencies.millis(e.percentile(50)), Latencies.millis(e.percentile(90)),
                    Latencies.millis(e.percentile(99)),
                    r.limit().map(l -> String.format(Locale.ROOT, "%.1f",
                            (double) e.percentile(99) / Math.max(1, l.scriptRtt().percentile(99)))).orElse("–"),
                    Latencies.millis(e.max()), r.missing(),
                    r.weightPerMinute() >= 0 ? String.format(Locale.ROOT, "%.0f", r.weightPerMinute()) : "–",
                    rssList(r));
        }
    }

    private static String ratio(double value, java.util.Optional<Double> limit) {
        return limit.map(l -> String.format(Locale.ROOT, " = %.2f × limit", value / l)).orElse("");
    }

    private static String latencyRatio(RunResult r) {
        return r.limit().map(l -> String.format(Locale.ROOT, " (p50 %.1f ×, p99 %.1f × the limit's script round trip)",
                (double) r.endToEnd().percentile(50) / Math.max(1, l.scriptRtt().percentile(50)),
                (double) r.endToEnd().percentile(99) / Math.max(1, l.scriptRtt().percentile(99)))).orElse("");
    }

    private static String rssList(RunResult r) {
        StringBuilder b = new StringBuilder();
        for (long kb : r.peakRssKb()) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(kb < 0 ? "?" : Long.toString(kb / 1024));
        }
        return b.toString();
    }

    static void printLimit(RedisLimit.Result l, PrintStream out) {
        out.printf(Locale.ROOT, "redis-limit: %d entries, %.0f entries/s; script round trip p50 %s ms, p90 %s ms, "
                        + "p99 %s ms, max %s ms%n", l.entries(), l.perSecond(),
                Latencies.millis(l.scriptRtt().percentile(50)), Latencies.millis(l.scriptRtt().percentile(90)),
                Latencies.millis(l.scriptRtt().percentile(99)), Latencies.millis(l.scriptRtt().max()));
        out.printf(Locale.ROOT, "redis server: %s%n", l.redisServer());
    }
}
