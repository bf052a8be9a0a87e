package io.quantumgates.common.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.quantumgates.common.config.RedisSettings;

/**
 * Owns the Lettuce client for one daemon. Hands out dedicated connections (a blocking XREADGROUP gets its own;
 * scripts, writes and health checks share another). Command timeout 5 s; commands are rejected while
 * disconnected (fail fast, the caller retries) rather than replayed.
 *
 * <p>API agreed across modules; the body is filled in by the stream-consumer work.
 */
public final class RedisConnector implements AutoCloseable {
    public RedisConnector(RedisSettings settings) {
        throw new UnsupportedOperationException("todo");
    }

    public RedisClient client() {
        throw new UnsupportedOperationException("todo");
    }

    /** A new connection owned by the caller. */
    public StatefulRedisConnection<String, String> connect() {
        throw new UnsupportedOperationException("todo");
    }

    /** The shared connection for scripts and writes (thread-safe; do not block on it). */
    public StatefulRedisConnection<String, String> shared() {
        throw new UnsupportedOperationException("todo");
    }

    /**
     * Blocks until Redis answers PING, logging the contract's WARNING
     * {@code Redis unavailable ({host}:{port}): {error} - retrying in {s}s} with back-off up to 5 s.
     * Returns false if interrupted.
     */
    public boolean awaitAvailable() {
        throw new UnsupportedOperationException("todo");
    }

    public RedisSettings settings() {
        throw new UnsupportedOperationException("todo");
    }

    @Override
    public void close() {}
}
