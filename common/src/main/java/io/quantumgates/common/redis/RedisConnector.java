package io.quantumgates.common.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.quantumgates.common.config.RedisSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the Lettuce client for one daemon. Hands out dedicated connections (a blocking XREADGROUP gets its own;
 * scripts, writes and health checks share another). Command timeout 5 s; commands are rejected while
 * disconnected (fail fast, the caller retries) rather than replayed.
 */
public final class RedisConnector implements AutoCloseable {
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(RedisConnector.class);

    private final RedisSettings settings;
    private final ClientResources resources;
    private final RedisClient client;
    private final Object sharedLock = new Object();
    private volatile StatefulRedisConnection<String, String> shared;

    public RedisConnector(RedisSettings settings) {
        this.settings = settings;
        // Lettuce's default reconnect delay grows to 30 s; an outage should end for us within seconds of Redis.
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri(settings));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .build());
    }

    // Built from the fields, not from a URI string: nothing here ever renders the password into text.
    static RedisURI uri(RedisSettings settings) {
        RedisURI.Builder builder = RedisURI.builder()
                .withHost(settings.host())
                .withPort(settings.port())
                .withDatabase(settings.db())
                .withSsl(settings.tls())
                .withTimeout(COMMAND_TIMEOUT);
        if (!settings.password().isEmpty()) {
            if (settings.username() == null || settings.username().isEmpty()) {
                builder.withPassword(settings.password().reveal().toCharArray());
            } else {
                builder.withAuthentication(settings.username(), settings.password().reveal().toCharArray());
            }
        }
        return builder.build();
    }

    public RedisClient client() {
        return client;
    }

    /** A new connection owned by the caller. */
    public StatefulRedisConnection<String, String> connect() {
        return client.connect();
    }

    /** The shared connection for scripts and writes (thread-safe; do not block on it). */
    public StatefulRedisConnection<String, String> shared() {
        StatefulRedisConnection<String, String> connection = shared;
        if (connection == null) {
            synchronized (sharedLock) {
                connection = shared;
                if (connection == null) {
                    connection = client.connect();
                    shared = connection;
                }
            }
        }
        return connection;
    }

    /**
     * Blocks until Redis answers PING, logging the contract's WARNING
     * {@code Redis unavailable ({host}:{port}): {error} - retrying in {s}s} with back-off up to 5 s.
     * Returns false if interrupted.
     */
    public boolean awaitAvailable() {
        Backoff backoff = Backoff.startup();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                shared().sync().ping();
                return true;
            } catch (RedisException e) {
                Duration wait = backoff.next();
                log.warn(
                        "Redis unavailable ({}): {} - retrying in {}s",
                        settings.hostPort(),
                        describe(e),
                        Backoff.seconds(wait));
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    public RedisSettings settings() {
        return settings;
    }

    /** An error's text for a log line, with the password masked should a library ever echo it. */
    String describe(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
            text = text + ": " + cause.getMessage();
        }
        String password = settings.password().reveal();
        return password.isEmpty() ? text : text.replace(password, "***");
    }

    @Override
    public void close() {
        synchronized (sharedLock) {
            if (shared != null) {
                shared.close();
                shared = null;
            }
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
