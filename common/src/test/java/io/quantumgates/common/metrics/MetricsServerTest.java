package io.quantumgates.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MetricsServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final HealthCheck health = () -> new HealthCheck.Status(healthy.get(), "{\"healthy\": " + healthy.get() + "}");
    private MetricsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesMetricsWithNamesExactlyAsWritten() throws Exception {
        Counter counter = Counter.builder().name("p26_actions_downgraded_total").help("downgrades")
                .labelNames("from_action", "to_action", "reason").register(registry);
        counter.labelValues("FULL_CLOSE_PROPOSED", "PARTIAL_25", "portfolio_heat_cold").inc();
        Gauge.builder().name("p26_heat_value").help("heat").register(registry).set(0.027);
        int port = freePort();
        server = MetricsServer.start(port, registry, health).orElseThrow();
        assertThat(server.port()).isEqualTo(port);

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(response.body())
                .contains("p26_actions_downgraded_total{from_action=\"FULL_CLOSE_PROPOSED\",reason=\"portfolio_heat_cold\",to_action=\"PARTIAL_25\"} 1.0")
                .contains("p26_heat_value 0.027");
    }

    @Test
    void healthzFollowsTheCheckWithItsJsonBody() throws Exception {
        server = MetricsServer.start(freePort(), registry, health).orElseThrow();

        HttpResponse<String> up = get("/healthz");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).isEqualTo("{\"healthy\": true}");
        assertThat(up.headers().firstValue("Content-Type")).contains("application/json");

        healthy.set(false);
        HttpResponse<String> down = get("/healthz");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"healthy\": false}");
        assertThat(down.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void aThrowingHealthCheckIsUnhealthy() throws Exception {
        server = MetricsServer.start(freePort(), registry, () -> {
            throw new IllegalStateException("boom");
        }).orElseThrow();
        assertThat(get("/healthz").statusCode()).isEqualTo(503);
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        server = MetricsServer.start(freePort(), registry, health).orElseThrow();
        assertThat(get("/").statusCode()).isEqualTo(404);
    }

    @Test
    void itsThreadsNeverHoldJvmExit() throws Exception {
        server = MetricsServer.start(freePort(), registry, health).orElseThrow();
        get("/healthz");

        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.getName().startsWith("HTTP-Dispatcher") || t.getName().startsWith("metrics-http"))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
    }

    @Test
    void portZeroMeansNoServer() {
        assertThat(MetricsServer.start(0, registry, health)).isEmpty();
    }

    @Test
    void aTakenPortLogsAnErrorAndReturnsEmpty() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(MetricsServer.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();

            Optional<MetricsServer> result = MetricsServer.start(port, registry, health);

            assertThat(result).isEmpty();
            assertThat(events.list).singleElement().satisfies(e -> {
                assertThat(e.getLevel().toString()).isEqualTo("ERROR");
                assertThat(e.getFormattedMessage()).startsWith("Metrics server failed to start on port " + port + ": ");
            });
        } finally {
            logger.detachAppender(events);
        }
    }
}
