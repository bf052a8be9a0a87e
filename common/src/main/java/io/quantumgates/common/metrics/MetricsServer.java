package io.quantumgates.common.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} (Prometheus text) and {@code /healthz} on one port. Port 0 means no server. An unbindable port
 * logs ERROR and returns empty: the daemon runs on.
 *
 * <p>Built on the JDK server with the Prometheus {@link MetricsHandler} rather than the exporter's {@code HTTPServer}
 * so that {@code /healthz} is ours and nothing else (the exporter adds {@code /} and {@code /-/healthy} pages).
 * Binds all interfaces, as the original did. All its threads are daemons: it never holds JVM exit.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static Optional<MetricsServer> start(int port, PrometheusRegistry registry, HealthCheck health) {
        if (port == 0) {
            return Optional.empty();
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (IOException | RuntimeException e) {
            log.error("Metrics server failed to start on port {}: {}", port, describe(e));
            return Optional.empty();
        }
        server.createContext("/metrics", new MetricsHandler(registry));
        server.createContext("/healthz", exchange -> healthz(exchange, health));
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "metrics-http-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        startAsDaemon(server);
        return Optional.of(new MetricsServer(server, executor));
    }

    /** The JDK's dispatcher thread inherits daemon-ness from the thread that starts it; a forgotten close() must not hold JVM exit. */
    private static void startAsDaemon(HttpServer server) {
        Thread starter = new Thread(server::start, "metrics-http-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void healthz(HttpExchange exchange, HealthCheck health) throws IOException {
        try (exchange) {
            HealthCheck.Status status;
            try {
                status = health.check();
            } catch (RuntimeException e) {
                // A broken check is an unhealthy daemon, not a 500 with a stack trace.
                status = new HealthCheck.Status(false, "{\"healthy\": false, \"error\": \"health check failed\"}");
            }
            byte[] body = status.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status.healthy() ? 200 : 503, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
