package io.quantumgates.heatgate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The shaded jar as a real process, its stdout+stderr captured to a file, so signals and exit codes are real. */
final class GateProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "quantum-heat-gate.jar");
    private final Process process;
    private final Path output;

    private GateProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static GateProcess start(Map<String, String> env, String... args) {
        try {
            Path output = Files.createTempFile("heat-gate-", ".out");
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("P26_") || k.startsWith("REDIS_") || k.startsWith("HEAT_"));
            pb.environment().putAll(env);
            return new GateProcess(pb.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> lines() {
        return output().lines().toList();
    }

    long pid() {
        return process.pid();
    }

    void sigterm() {
        process.destroy(); // SIGTERM on Unix
    }

    void sigkill() {
        process.destroyForcibly();
        waitFor();
    }

    int waitFor() {
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("heat gate did not exit; output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
