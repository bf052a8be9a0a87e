package io.quantumgates.heatgate;

import io.quantumgates.testkit.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The shaded heat-gate jar as a real process, configured by {@code env} alone. */
final class GateProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "quantum-heat-gate.jar");
    private final JarProcess process;

    private GateProcess(JarProcess process) {
        this.process = process;
    }

    static GateProcess start(Map<String, String> env, String... args) {
        return new GateProcess(JarProcess.start(JAR, List.of(), env,
                k -> k.startsWith("P26_") || k.startsWith("REDIS_") || k.startsWith("HEAT_"), args));
    }

    String output() {
        return process.output();
    }

    List<String> lines() {
        return process.lines();
    }

    long pid() {
        return process.pid();
    }

    void sigterm() {
        process.sigterm();
    }

    void sigkill() {
        process.sigkill();
    }

    int waitFor() {
        return process.waitFor(Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        process.close();
    }
}
