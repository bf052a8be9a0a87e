package io.quantumgates.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.quantumgates.common.config.RedisSettings;
import io.quantumgates.common.config.Secret;
import io.quantumgates.testkit.RedisServerExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class RedisConnectorIT {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RedisConnector.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void sharedConnectionIsOneConnectionAndDedicatedOnesAreNew() {
        try (RedisConnector connector = connector(Secret.empty())) {
            assertThat(connector.shared()).isSameAs(connector.shared());
            try (var dedicated = connector.connect()) {
                assertThat(dedicated).isNotSameAs(connector.shared());
                assertThat(dedicated.sync().ping()).isEqualTo("PONG");
            }
        }
    }

    @Test
    void awaitAvailableWarnsWhileRedisIsDownAndReturnsOnceItAnswers() throws Exception {
        redis.server().kill();
        try (RedisConnector connector = connector(Secret.empty())) {
            CompletableFuture<Boolean> available = CompletableFuture.supplyAsync(connector::awaitAvailable);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !logs.list.isEmpty());

            redis.server().restart();

            assertThat(available.get(15, TimeUnit.SECONDS)).isTrue();
            ILoggingEvent first = logs.list.get(0);
            assertThat(first.getLevel()).isEqualTo(Level.WARN);
            assertThat(first.getFormattedMessage())
                    .startsWith("Redis unavailable (127.0.0.1:" + redis.server().port() + "): ")
                    .endsWith(" - retrying in 0.5s");
        }
    }

    @Test
    void awaitAvailableReturnsFalseWhenInterrupted() throws Exception {
        redis.server().kill();
        try (RedisConnector connector = connector(Secret.empty())) {
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            Thread waiter = new Thread(() -> result.complete(connector.awaitAvailable()));
            waiter.start();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !logs.list.isEmpty());

            waiter.interrupt();

            assertThat(result.get(10, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void passwordNeverAppearsInTheUnavailableWarning() {
        try (RedisConnector admin = connector(Secret.empty())) {
            admin.shared().sync().configSet("requirepass", "the-right-one");
        }
        // A wrong password: every attempt fails authentication (the extension restarts the server clean before the
        // next test).
        try (RedisConnector connector = connector(Secret.of("s3cret-pw"))) {
            Thread waiter = new Thread(connector::awaitAvailable);
            waiter.start();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> logs.list.size() >= 2);
            waiter.interrupt();
            redis.server().kill();

            assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                    .startsWith("Redis unavailable")
                    .doesNotContain("s3cret-pw"));
        }
    }

    private static RedisConnector connector(Secret password) {
        return new RedisConnector(
                new RedisSettings(redis.server().host(), redis.server().port(), 0, "", password, false));
    }
}
