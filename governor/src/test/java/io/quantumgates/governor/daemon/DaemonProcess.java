package io.quantumgates.governor.daemon;

import static org.awaitility.Awaitility.await;

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

/** {@code java -jar target/quantum-governor.jar} as a child process, its stdout in a file. */
final class DaemonProcess implements AutoCloseable {
    static final Path JAR = Path.of("target/quantum-governor.jar");
    private final Process process;
    private final Path out;

    private DaemonProcess(Process process, Path out) {
        this.process = process;
        this.out = out;
    }

    static DaemonProcess start(Map<String, String> env, String... args) {
        try {
            Path out = Files.createTempFile("governor-", ".log");
            List<String> cmd = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-Xmx192m", "-jar",
                    JAR.toAbsolutePath().toString()));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("GOV_") || k.startsWith("BINANCE_")
                    || k.startsWith("REDIS_") || k.equals("APPLY_MODE") || k.equals("METRICS_PORT"));
            pb.environment().putAll(env);
            return new DaemonProcess(pb.start(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> lines() {
        try {
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Messages without the timestamp: {@code [INFO] text}. */
    List<String> messages() {
        return lines().stream().map(l -> l.length() > 20 && l.charAt(4) == '-' ? l.substring(20) : l).toList();
    }

    void awaitMessage(String exact) {
        await().atMost(Duration.ofSeconds(30)).until(() -> messages().contains(exact));
    }

    void awaitMessageMatching(String regex) {
        await().atMost(Duration.ofSeconds(30)).until(() -> messages().stream().anyMatch(m -> m.matches(regex)));
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("daemon did not exit within " + timeout + "; log:\n" + String.join("\n", lines()));
        }
        return process.exitValue();
    }

    void sigterm() {
        process.destroy();
    }

    void sigkill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            sigkill();
        }
    }
}
