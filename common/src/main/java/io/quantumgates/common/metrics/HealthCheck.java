package io.quantumgates.common.metrics;

/** What {@code /healthz} reports: healthy → 200, else 503; the body is JSON either way. */
@FunctionalInterface
public interface HealthCheck {
    Status check();

    record Status(boolean healthy, String json) {}
}
