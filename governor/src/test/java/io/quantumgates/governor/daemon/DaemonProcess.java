package io.quantumgates.governor.daemon;

import static org.awaitility.Awaitility.await;

import io.quantumgates.testkit.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code java -jar target/quantum-governor.jar} as a child process, configured by {@code env} alone. */
final class DaemonProcess implements AutoCloseable {
    static final Path JAR = Path.of("target/quantum-governor.jar");
    private final JarProcess process;

    private DaemonProcess(JarProcess process) {
        this.process = process;
    }

    static DaemonProcess start(Map<String, String> env, String... args) {
        return new DaemonProcess(JarProcess.start(JAR, List.of("-XX:TieredStopAtLevel=1", "-Xmx192m"), env,
                k -> k.startsWith("GOV_") || k.startsWith("BINANCE_") || k.startsWith("REDIS_")
                        || k.equals("APPLY_MODE") || k.equals("METRICS_PORT"),
                args));
    }

    List<String> lines() {
        return process.lines();
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

    int awaitExit(Duration timeout) {
        return process.waitFor(timeout);
    }

    void sigterm() {
        process.sigterm();
    }

    void sigkill() {
        process.sigkill();
    }

    boolean alive() {
        return process.alive();
    }

    @Override
    public void close() {
        process.close();
    }
}
