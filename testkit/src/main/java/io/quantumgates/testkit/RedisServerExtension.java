package io.quantumgates.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real {@link RedisServer} per test class, empty at the start of every test. Register it as
 * {@code @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();}.
 * A server a test killed or stopped is started again (same port) before the next test, so tests that take Redis
 * down need no cleanup of their own.
 */
public final class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private RedisServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServer.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!server.isRunning()) {
            server.restart();
        }
        server.flushAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running server (valid between beforeAll and afterAll). */
    public RedisServer server() {
        if (server == null) {
            throw new IllegalStateException("RedisServerExtension is not started: register it as a static field");
        }
        return server;
    }

    /** {@code redis://127.0.0.1:PORT} of {@link #server()}. */
    public String uri() {
        return server().uri();
    }
}
