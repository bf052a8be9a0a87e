package io.quantumgates.bench.load;

import io.lettuce.core.RedisClient;
import io.quantumgates.testkit.RedisServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The load-driver subcommands of {@code quantum-bench.jar}. Exit 0 = every outcome seen, 1 = not, 2 = usage. */
public final class LoadCommands {
    private LoadCommands() {}

    @Command(name = "governor", mixinStandardHelpOptions = true,
            description = "Plans through the Governor jar: throughput, XADD→decision latency, exchange weight, RSS.")
    public static final class Governor implements Callable<Integer> {
        @Mixin
        LoadOptions options = new LoadOptions();

        @Override
        public Integer call() throws Exception {
            options.validate();
            RunResult r = new LoadRun(options, System.out).governor();
            Report.print(r, System.out, options.markdown);
            return r.complete() ? 0 : 1;
        }
    }

    @Command(name = "heatgate", mixinStandardHelpOptions = true,
            description = "Proposals and snapshots through the Heat Gate jar: throughput, XADD→calibrated latency, RSS.")
    public static final class HeatGate implements Callable<Integer> {
        @Mixin
        LoadOptions options = new LoadOptions();

        @Override
        public Integer call() throws Exception {
            options.validate();
            RunResult r = new LoadRun(options, System.out).heatGate();
            Report.print(r, System.out, options.markdown);
            return r.complete() ? 0 : 1;
        }
    }

    @Command(name = "redis-limit", mixinStandardHelpOptions = true,
            description = "The Redis-bound limit: batch read + one script (marker, permit, audit, ack) per entry, "
                    + "one connection, no daemon.")
    public static final class Limit implements Callable<Integer> {
        @Option(names = "--redis-url", description = "Attach to this Redis instead of starting a redis-server.")
        String redisUrl;

        @Option(names = "--count", description = "Entries (default: ${DEFAULT-VALUE}).")
        int count = 50_000;

        @Override
        public Integer call() {
            if (count <= 0) {
                throw new IllegalArgumentException("--count must be > 0");
            }
            RedisServer server = redisUrl == null ? RedisServer.start() : null;
            RedisClient client = RedisClient.create(server != null ? server.uri() : redisUrl);
            try {
                Report.printLimit(RedisLimit.measure(client, "b" + System.currentTimeMillis(), count), System.out);
                return 0;
            } finally {
                client.shutdown();
                if (server != null) {
                    server.close();
                }
            }
        }
    }
}
