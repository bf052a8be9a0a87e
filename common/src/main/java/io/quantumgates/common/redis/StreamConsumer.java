package io.quantumgates.common.redis;

import java.time.Duration;
import java.time.Instant;

/**
 * Reads one stream through a consumer group on its own blocking connection and hands entries to an
 * {@link EntryHandler}: creates the group (MKSTREAM, BUSYGROUP fine), reads own pending entries first after a
 * start or reconnect, then new ones; reclaims idle entries of dead consumers (XAUTOCLAIM); dead-letters entries
 * delivered more than {@code maxDeliveries} times; survives Redis restarts (re-creates a lost group and tells
 * the handler). Never acks by itself: the handler's atomic step does.
 *
 * <p>API agreed across modules; the body is filled in by the stream-consumer work.
 */
public final class StreamConsumer implements AutoCloseable {
    public StreamConsumer(RedisConnector connector, StreamConsumerSettings settings, EntryHandler handler) {
        throw new UnsupportedOperationException("todo");
    }

    /** Creates the group if needed (returns true if it created it) — callers log their own line. */
    public boolean ensureGroup() {
        throw new UnsupportedOperationException("todo");
    }

    /** Starts the consume loop on its own thread. */
    public void start() {
        throw new UnsupportedOperationException("todo");
    }

    /** Stop reading, finish the entries already read, then return (at most {@code timeout}). */
    public void stop(Duration timeout) {
        throw new UnsupportedOperationException("todo");
    }

    /** When the loop last completed a read (or a block timeout) successfully: for {@code /healthz}. */
    public Instant lastLoopAt() {
        throw new UnsupportedOperationException("todo");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
