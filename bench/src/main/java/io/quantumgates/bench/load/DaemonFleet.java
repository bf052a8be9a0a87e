package io.quantumgates.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** The daemon jar as separate {@code java -jar} processes, each logging to its own file in the run directory. */
final class DaemonFleet implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    private DaemonFleet() {}

    static DaemonFleet launch(Path jar, int instances, IntFunction<Map<String, String>> env, List<String> jvmOptions,
            Path runDir, String name) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("daemon jar not found: " + jar.toAbsolutePath()
                    + " (build it first: ./mvnw -q -o -DskipTests package -pl governor,heat-gate -am)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        DaemonFleet fleet = new DaemonFleet();
        try {
            for (int i = 1; i <= instances; i++) {
                List<String> command = new ArrayList<>();
                command.add(java);
                for (String option : jvmOptions) {
                    command.add(option.replace("{run}", runDir.toString()).replace("{i}", Integer.toString(i)));
                }
                command.add("-jar");
                command.add(jar.toAbsolutePath().toString());
                Path log = runDir.resolve(name + "-" + i + ".log");
                ProcessBuilder pb = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                pb.environment().putAll(env.apply(i));
                fleet.processes.add(pb.start());
                fleet.logs.add(log);
            }
        } catch (IOException e) {
            fleet.close();
            throw new UncheckedIOException("could not start " + jar, e);
        }
        return fleet;
    }

    int size() {
        return processes.size();
    }

    /** The first instance that has exited, if any, with its exit code. */
    OptionalLong exitedInstance() {
        for (int i = 0; i < processes.size(); i++) {
            if (!processes.get(i).isAlive()) {
                return OptionalLong.of(i + 1);
            }
        }
        return OptionalLong.empty();
    }

    /** Peak resident set (VmHWM) of each live instance, in kB; -1 where unreadable. */
    List<Long> peakRssKb() {
        List<Long> out = new ArrayList<>();
        for (Process p : processes) {
            out.add(ProcStatus.vmHwmKb(p.pid()));
        }
        return out;
    }

    /** CPU ticks (1/100 s) used so far by each instance. */
    List<Long> cpuTicks() {
        List<Long> out = new ArrayList<>();
        for (Process p : processes) {
            out.add(ProcStatus.cpuTicks(p.pid()));
        }
        return out;
    }

    /** CPU ticks per thread name of instance 1 (the busiest-case picture; instances run the same code). */
    java.util.Map<String, Long> threadTicks() {
        return ProcStatus.threadTicks(processes.get(0).pid());
    }

    /** SIGTERM, as systemd stops it; SIGKILL after 10 s. Returns the exit codes. */
    List<Integer> stop() {
        processes.forEach(Process::destroy);
        List<Integer> codes = new ArrayList<>();
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
                codes.add(p.isAlive() ? -1 : p.exitValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                codes.add(-1);
            }
        }
        return codes;
    }

    Path log(int instance) {
        return logs.get(instance - 1);
    }

    /** The last lines of an instance's log, for a failure message. */
    String logTail(int instance, int lines) {
        try {
            List<String> all = Files.readAllLines(log(instance), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
