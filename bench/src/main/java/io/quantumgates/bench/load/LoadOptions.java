package io.quantumgates.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the {@code governor} and {@code heatgate} load commands. */
public final class LoadOptions {
    @Option(names = "--count", description = "Tracked entries to publish (default: ${DEFAULT-VALUE}).")
    int count = 10_000;

    @Option(names = "--rate", description = "Entries per second; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    int rate = 0;

    @Option(names = "--instances", description = "Daemon processes in one consumer group (default: ${DEFAULT-VALUE}).")
    int instances = 1;

    @Option(names = "--exchange-latency-ms", description = "FakeBinance answer delay (default: ${DEFAULT-VALUE}).")
    long exchangeLatencyMs = 0;

    @Option(names = "--redis-url", description = "Attach to this Redis instead of starting a redis-server.")
    String redisUrl;

    @Option(names = "--jar", description = "Daemon jar (default: governor/target/quantum-governor.jar or "
            + "heat-gate/target/quantum-heat-gate.jar, looked up in . and ..).")
    Path jar;

    @Option(names = "--warmup", description = "Entries sent at full speed before the measured ones, so the daemon's "
            + "JIT is warm; their outcomes are awaited, not measured (default: ${DEFAULT-VALUE}).")
    int warmup = 10_000;

    @Option(names = "--symbols", description = "Distinct symbols (default: ${DEFAULT-VALUE}).")
    int symbols = 200;

    @Option(names = "--limit-count", description = "Entries for the Redis-bound limit measured first; 0 = skip "
            + "(default: ${DEFAULT-VALUE}).")
    int limitCount = 20_000;

    @Option(names = "--idle-timeout-s", description = "Give up waiting for outcomes after this long without one "
            + "(default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds = 20;

    @Option(names = "--ready-timeout-s", description = "Daemon start-up allowance (default: ${DEFAULT-VALUE}).")
    int readyTimeoutSeconds = 60;

    @Option(names = "--daemon-jvm-opt", description = "JVM option for the daemon, repeatable; {run} = run dir, "
            + "{i} = instance, e.g. -Xmx128m.")
    List<String> daemonJvmOptions = new ArrayList<>();

    @Option(names = "--jfr", description = "Record the daemon with JFR (profile settings) into the run dir.")
    boolean jfr;

    @Option(names = "--env", description = "Extra daemon env KEY=VALUE, repeatable (overrides the bench's).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--run-dir", description = "Directory for daemon logs (default: a new temp dir).")
    Path runDir;

    @Option(names = "--snapshot-every", description = "Heat Gate: one position snapshot per N proposals "
            + "(default: ${DEFAULT-VALUE}).")
    int snapshotEvery = 2;

    @Option(names = "--mode", description = "Heat Gate P26_MODE: shadow or enforce (default: ${DEFAULT-VALUE}).")
    String mode = "shadow";

    @Option(names = "--markdown", description = "Also print the result as a markdown table row.")
    boolean markdown;

    Map<String, String> envOverrides() {
        return env;
    }

    List<String> jvmOptions() {
        List<String> out = new ArrayList<>(daemonJvmOptions);
        if (jfr) {
            out.add("-XX:StartFlightRecording=filename={run}/daemon-{i}.jfr,settings=profile,dumponexit=true");
        }
        return out;
    }

    Path jar(Workload w) {
        if (jar != null) {
            return jar;
        }
        String relative = w instanceof GovernorWorkload ? "governor/target/quantum-governor.jar"
                : "heat-gate/target/quantum-heat-gate.jar";
        for (String base : List.of(".", "..")) {
            Path candidate = Path.of(base).resolve(relative).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return Path.of(relative);
    }

    void validate() {
        require(count > 0, "--count must be > 0");
        require(rate >= 0, "--rate must be >= 0");
        require(instances >= 1, "--instances must be >= 1");
        require(exchangeLatencyMs >= 0, "--exchange-latency-ms must be >= 0");
        require(symbols >= 1 && symbols <= 1000, "--symbols must be 1..1000");
        require(warmup >= 0, "--warmup must be >= 0");
        require(limitCount >= 0, "--limit-count must be >= 0");
        require(mode.equals("shadow") || mode.equals("enforce"), "--mode must be shadow or enforce");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
