package io.quantumgates.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} process on a free loopback port with its own temp dir. Looks for
 * {@code REDIS_SERVER_BIN}, then {@code redis-server} on PATH; fails naming how to install it when there is none.
 * Never a skip, never an in-JVM imitation. A shutdown hook kills it with the JVM.
 */
public final class RedisServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> FALLBACK_DIRS = List.of("/usr/bin", "/usr/local/bin", "/usr/sbin");
    private static final Set<RedisServer> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(RedisServer::killQuietly), "redis-server-reaper"));
    }

    private final Path binary;
    private final Path dir;
    private final Path log;
    private int port;
    private Process process;

    private RedisServer(Path binary, Path dir) {
        this.binary = binary;
        this.dir = dir;
        this.log = dir.resolve("redis-server.log");
    }

    /** Starts a new server on a free port. */
    public static RedisServer start() {
        return start(System.getenv());
    }

    /** Same as {@link #start()}, with the environment given (so tests can point at a missing binary). */
    static RedisServer start(Map<String, String> env) {
        Path binary = findBinary(env);
        Path dir;
        try {
            dir = Files.createTempDirectory("redis-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RedisServer server = new RedisServer(binary, dir);
        // A free port can be taken between probing and binding: try a few.
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                server.launch(freePort(), START_TIMEOUT);
                return server;
            } catch (AddressInUse e) {
                last = e;
            }
        }
        server.deleteDir();
        throw new IllegalStateException("Could not find a free port for redis-server", last);
    }

    static Path findBinary(Map<String, String> env) {
        String configured = env.get("REDIS_SERVER_BIN");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isExecutable(path) && !Files.isDirectory(path)) {
                return path;
            }
            throw new IllegalStateException("REDIS_SERVER_BIN=" + configured + " is not an executable file. "
                    + installHint());
        }
        List<String> dirs = new ArrayList<>();
        String pathVar = env.getOrDefault("PATH", "");
        for (String entry : pathVar.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                dirs.add(entry);
            }
        }
        dirs.addAll(FALLBACK_DIRS);
        return dirs.stream()
                .map(d -> Path.of(d, "redis-server"))
                .filter(p -> Files.isExecutable(p) && !Files.isDirectory(p))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "redis-server not found on PATH or in " + FALLBACK_DIRS + ". " + installHint()));
    }

    private static String installHint() {
        return "Tests need a real Redis: install it with `apt-get install -y redis-server` "
                + "or set REDIS_SERVER_BIN to the redis-server binary.";
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public String uri() {
        return "redis://127.0.0.1:" + port();
    }

    /** The temp dir the server runs in (its log is {@code redis-server.log} there). */
    public Path dir() {
        return dir;
    }

    /** SIGKILL; data is gone (no persistence). */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(process, STOP_TIMEOUT);
            process = null;
        }
        RUNNING.remove(this);
    }

    /** Graceful stop (SIGTERM; SIGKILL if it does not exit in time). */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            if (!awaitExit(process, STOP_TIMEOUT)) {
                process.destroyForcibly();
                awaitExit(process, STOP_TIMEOUT);
            }
            process = null;
        }
        RUNNING.remove(this);
    }

    /** Start again on the same port and dir (empty, like a real restart without persistence). */
    public synchronized void restart() {
        kill();
        // The old socket may linger for a moment after the kill: retry the same port until the deadline.
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                launch(port, START_TIMEOUT);
                return;
            } catch (AddressInUse e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(100);
            }
        }
    }

    /** CLIENT PAUSE for the given milliseconds (all commands). */
    public void pause(long millis) {
        RedisWire.command(port, "CLIENT", "PAUSE", Long.toString(millis), "ALL");
    }

    /** FLUSHALL, for test isolation. */
    public void flushAll() {
        RedisWire.command(port, "FLUSHALL");
    }

    /** Whether the process is alive (false after {@link #kill()} or {@link #stop()}). */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
        deleteDir();
    }

    private synchronized void launch(int port, Duration timeout) {
        this.port = port;
        List<String> command = List.of(
                binary.toString(),
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", dir.toString(),
                "--daemonize", "no");
        long logStart = logSize();
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + binary, e);
        }
        RUNNING.add(this);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                awaitExit(process, STOP_TIMEOUT);
                process = null;
                RUNNING.remove(this);
                String output = logSince(logStart);
                if (output.contains("Address already in use")) {
                    throw new AddressInUse(port);
                }
                throw new IllegalStateException("redis-server exited on start; its log (" + log + "):\n" + output);
            }
            if (RedisWire.answersPing(port)) {
                return;
            }
            sleep(20);
        }
        killQuietly(this);
        throw new IllegalStateException(
                "redis-server did not answer PING within " + timeout + "; its log (" + log + "):\n" + logSince(logStart));
    }

    private long logSize() {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String logSince(long offset) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void deleteDir() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temp dir is harmless
        }
    }

    private static void killQuietly(RedisServer server) {
        Optional.ofNullable(server.process).ifPresent(Process::destroyForcibly);
    }

    private static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }

    private static final class AddressInUse extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        AddressInUse(int port) {
            super("redis-server could not bind 127.0.0.1:" + port + ": Address already in use");
        }
    }
}
