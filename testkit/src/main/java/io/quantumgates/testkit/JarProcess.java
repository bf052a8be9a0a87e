package io.quantumgates.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A shaded jar run as a real child process of this JVM's {@code java}, so signals and exit codes are real; stdout and
 * stderr go to a temp file the test reads.
 */
public final class JarProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private JarProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * @param inheritedEnvToDrop names of this JVM's env that must not reach the daemon (its own settings), so only
     *     {@code env} configures it
     */
    public static JarProcess start(Path jar, List<String> jvmOptions, Map<String, String> env,
            Predicate<String> inheritedEnvToDrop, String... args) {
        try {
            Path output = Files.createTempFile(jar.getFileName().toString().replace(".jar", "-"), ".out");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().keySet().removeIf(inheritedEnvToDrop);
            pb.environment().putAll(env);
            return new JarProcess(pb.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> lines() {
        return output().lines().toList();
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM on Unix. */
    public void sigterm() {
        process.destroy();
    }

    /** SIGKILL, then wait (at most 10 s) until it is gone. */
    public void sigkill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The exit code; a process still running after {@code timeout} is killed and fails the test with its output. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("process did not exit within " + timeout + "; output:\n" + output());
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
            sigkill();
        }
    }
}
