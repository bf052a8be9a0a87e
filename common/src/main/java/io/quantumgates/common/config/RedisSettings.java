package io.quantumgates.common.config;

/**
 * Where Redis is: from {@code REDIS_URL} or {@code REDIS_HOST}/{@code REDIS_PORT}/{@code REDIS_DB}/{@code REDIS_PASSWORD}.
 * {@code toString} never shows the password.
 */
public record RedisSettings(String host, int port, int db, String username, Secret password, boolean tls) {
    public static RedisSettings from(Env env) {
        throw new UnsupportedOperationException("todo");
    }

    /** {@code host:port} for log lines. */
    public String hostPort() {
        return host + ":" + port;
    }

    /** A URI with the real password, for the Redis client only. Never log it. */
    public String connectionUri() {
        throw new UnsupportedOperationException("todo");
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + (password.isEmpty() ? "" : "***@") + host + ":" + port + "/" + db;
    }
}
