package io.quantumgates.testkit;

/**
 * A real {@code redis-server} process on a free loopback port with its own temp dir. Looks for
 * {@code REDIS_SERVER_BIN}, then {@code redis-server} on PATH; fails naming how to install it when there is none.
 * Never a skip, never an in-JVM imitation. A shutdown hook kills it with the JVM.
 *
 * <p>API agreed across modules; the body is filled in by the testkit work.
 */
public final class RedisServer implements AutoCloseable {
    /** Starts a new server on a free port. */
    public static RedisServer start() {
        throw new UnsupportedOperationException("todo");
    }

    public int port() {
        throw new UnsupportedOperationException("todo");
    }

    public String host() {
        return "127.0.0.1";
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public String uri() {
        return "redis://127.0.0.1:" + port();
    }

    /** SIGKILL; data is gone (no persistence). */
    public void kill() {
        throw new UnsupportedOperationException("todo");
    }

    /** Graceful stop. */
    public void stop() {
        throw new UnsupportedOperationException("todo");
    }

    /** Start again on the same port and dir (empty, like a real restart without persistence). */
    public void restart() {
        throw new UnsupportedOperationException("todo");
    }

    /** CLIENT PAUSE for the given milliseconds (all commands). */
    public void pause(long millis) {
        throw new UnsupportedOperationException("todo");
    }

    /** FLUSHALL, for test isolation. */
    public void flushAll() {
        throw new UnsupportedOperationException("todo");
    }

    @Override
    public void close() {
        stop();
    }
}
