package io.quantumgates.bench.load;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.testkit.FakeBinance;
import io.quantumgates.testkit.RedisServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One end-to-end run: Redis (started or attached), the Redis-bound limit, FakeBinance (Governor), the daemon jar as
 * separate processes, the publisher and the outcome reader; then the figures.
 */
final class LoadRun {
    private final LoadOptions o;
    private final PrintStream out;

    LoadRun(LoadOptions options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    RunResult governor() throws InterruptedException {
        RedisServer server = o.redisUrl == null ? RedisServer.start() : null;
        try {
            String url = server != null ? server.uri() : o.redisUrl;
            List<String> symbols = Symbols.names(o.symbols);
            try (Exchange exchange = Exchange.start(o.exchangeLatencyMs, symbols)) {
                GovernorWorkload w = new GovernorWorkload(o.symbols, exchange.baseUrl(), FakeBinance.DEFAULT_API_KEY,
                        FakeBinance.DEFAULT_API_SECRET, o.envOverrides());
                return run(w, url, Optional.of(exchange));
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    RunResult heatGate() throws InterruptedException {
        RedisServer server = o.redisUrl == null ? RedisServer.start() : null;
        try {
            String url = server != null ? server.uri() : o.redisUrl;
            return run(new HeatGateWorkload(o.symbols, o.snapshotEvery, o.mode, o.envOverrides()), url,
                    Optional.empty());
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private RunResult run(Workload w, String url, Optional<Exchange> exchange) throws InterruptedException {
        String tag = "b" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
        Path runDir = runDir(tag);
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> control = client.connect();
                StatefulRedisConnection<String, String> publishing = client.connect();
                StatefulRedisConnection<String, String> reading = client.connect()) {
            RedisCommands<String, String> redis = control.sync();
            Optional<RedisLimit.Result> limit = Optional.empty();
            if (o.limitCount > 0) {
                out.printf("redis-limit: %d entries …%n", o.limitCount);
                limit = Optional.of(RedisLimit.measure(client, tag, o.limitCount));
            }
            w.prepare(redis);
            out.printf("%s: starting %d instance(s) of %s (logs in %s)%n", w.name(), o.instances, o.jar(w), runDir);
            try (DaemonFleet fleet = DaemonFleet.launch(o.jar(w), o.instances, i -> w.env(i, url), o.jvmOptions(),
                    runDir, w.name())) {
                awaitReady(w, redis, fleet);
                if (o.warmup > 0) {
                    out.printf("%s: warm-up, %d entries at full speed (not measured) …%n", w.name(), o.warmup);
                    Tracker warm = new Tracker(tag + "w", o.warmup);
                    drive(w, warm, 0, redis, publishing, reading);
                    if (warm.missing() > 0) {
                        throw new IllegalStateException(w.name() + ": " + warm.missing() + " of " + o.warmup
                                + " warm-up entries got no outcome; log tail:\n" + fleet.logTail(1, 30));
                    }
                }
                long weight0 = exchange.map(Exchange::totalWeight).orElse(0L);
                long requests0 = exchange.map(Exchange::totalRequests).orElse(0);
                out.printf("%s: publishing %d entries at %s …%n", w.name(), o.count,
                        o.rate == 0 ? "full speed" : o.rate + "/s");
                Tracker tracker = new Tracker(tag, o.count);
                RedisStats stats0 = RedisStats.take(redis);
                List<Long> cpu0 = fleet.cpuTicks();
                var threads0 = fleet.threadTicks();
                Drive d = drive(w, tracker, o.rate, redis, publishing, reading);
                Publisher publisher = d.publisher();
                OutcomeReader reader = d.reader();
                long end = Math.max(reader.lastArrivalNanos(), publisher.lastSentNanos());
                double window = (end - publisher.firstSentNanos()) / 1e9;
                long weight = exchange.map(Exchange::totalWeight).orElse(0L) - weight0;
                long requests = exchange.map(Exchange::totalRequests).orElse(0) - requests0;
                String redisServer = RedisStats.take(redis).since(stats0);
                writeLatencies(tracker, runDir.resolve("latencies.csv"));
                List<Long> cpu1 = fleet.cpuTicks();
                String threadCpu = ThreadCpu.top(threads0, fleet.threadTicks(), window, 6);
                List<Double> daemonCpu = new ArrayList<>();
                for (int i = 0; i < cpu0.size(); i++) {
                    daemonCpu.add(window > 0 ? (cpu1.get(i) - cpu0.get(i)) / (window * 100) * 100 : 0);
                }
                List<Long> rss = fleet.peakRssKb();
                List<Integer> codes = fleet.stop();
                int seen = o.count - tracker.missing();
                return new RunResult(w.name(), o.count, o.rate, o.instances, o.exchangeLatencyMs,
                        window > 0 ? seen / window : 0,
                        publisher.lastSentNanos() > publisher.firstSentNanos()
                                ? (o.count - 1) / ((publisher.lastSentNanos() - publisher.firstSentNanos()) / 1e9) : 0,
                        window,
                        endToEnd(tracker), redisClock(tracker), tracker.missing(), tracker.duplicates(),
                        publisher.failures(), tracker.outcomes(),
                        exchange.isPresent() && window > 0 ? weight / (window / 60) : -1,
                        exchange.isPresent() && window > 0 ? requests / (window / 60) : -1,
                        rss, daemonCpu, threadCpu, codes, limit, redisServer, runDir);
            }
        } finally {
            client.shutdown();
        }
    }

    private record Drive(Publisher publisher, OutcomeReader reader) {}

    /** Publishes the tracked entries while a reader follows the outcome stream; returns when all arrived or idle. */
    private Drive drive(Workload w, Tracker tracker, int rate, RedisCommands<String, String> redis,
            StatefulRedisConnection<String, String> publishing, StatefulRedisConnection<String, String> reading)
            throws InterruptedException {
        OutcomeReader reader = new OutcomeReader(reading, w, tracker, OutcomeReader.lastIdOf(redis, w.outcomeStream()));
        reader.start();
        Publisher publisher = new Publisher(publishing.async(), rate);
        publisher.run(w, tracker);
        reader.touch();
        reader.awaitAll(Duration.ofSeconds(o.idleTimeoutSeconds));
        return new Drive(publisher, reader);
    }

    private void awaitReady(Workload w, RedisCommands<String, String> redis, DaemonFleet fleet)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(o.readyTimeoutSeconds).toNanos();
        while (true) {
            OptionalLong exited = fleet.exitedInstance();
            if (exited.isPresent()) {
                int i = (int) exited.getAsLong();
                throw new IllegalStateException(w.name() + " instance " + i + " exited during start-up; log tail:\n"
                        + fleet.logTail(i, 30));
            }
            if (consumers(redis, w.inputStream(), w.group()) >= fleet.size() && w.ready(redis)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(w.name() + " not ready within " + o.readyTimeoutSeconds
                        + " s (group " + w.group() + " with " + fleet.size() + " consumers"
                        + (w instanceof GovernorWorkload ? ", exchange snapshot installed" : "") + "); log tail:\n"
                        + fleet.logTail(1, 30));
            }
            Thread.sleep(100);
        }
    }

    /** Consumers of a group (they register on their first XREADGROUP); 0 while stream or group is missing. */
    static int consumers(RedisCommands<String, String> redis, String stream, String group) {
        try {
            return redis.xinfoConsumers(stream, group).size();
        } catch (RedisCommandExecutionException e) {
            return 0;
        }
    }

    /** Per entry: send time since the first send and latency (ms), so tails can be matched to what ran then. */
    private static void writeLatencies(Tracker t, Path file) {
        StringBuilder b = new StringBuilder("index,sent_ms,latency_ms,redis_clock_ms\n");
        long first = t.count > 0 ? t.sentNanos[0] : 0;
        for (int i = 0; i < t.count; i++) {
            if (t.seen[i] > 0) {
                b.append(i).append(',').append(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%d%n",
                        (t.sentNanos[i] - first) / 1e6, (t.arrivedNanos[i] - t.sentNanos[i]) / 1e6,
                        t.outIdMillis[i] - t.inIdMillis[i]));
            }
        }
        try {
            Files.writeString(file, b);
        } catch (IOException e) {
            // the figures are printed anyway; the CSV is only for digging into tails
        }
    }

    private static Latencies endToEnd(Tracker t) {
        long[] values = new long[t.count];
        int n = 0;
        for (int i = 0; i < t.count; i++) {
            if (t.seen[i] > 0) {
                values[n++] = Math.max(0, t.arrivedNanos[i] - t.sentNanos[i]);
            }
        }
        return Latencies.of(values, n);
    }

    private static Latencies redisClock(Tracker t) {
        long[] values = new long[t.count];
        int n = 0;
        for (int i = 0; i < t.count; i++) {
            if (t.seen[i] > 0 && t.inIdMillis[i] > 0) {
                values[n++] = Math.max(0, t.outIdMillis[i] - t.inIdMillis[i]) * 1_000_000L;
            }
        }
        return Latencies.of(values, n);
    }

    private Path runDir(String tag) {
        try {
            Path dir = o.runDir != null ? o.runDir.resolve(tag) : Files.createTempDirectory("quantum-bench-" + tag + "-");
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.trim().split("\\s+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }
}
