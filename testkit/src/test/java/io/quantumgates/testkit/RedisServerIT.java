package io.quantumgates.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisServerIT {
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void startedServerAnswersPingOnItsLoopbackPort() {
        assertThat(RedisWire.answersPing(redis.port())).isTrue();
        assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
        assertThat(redis.port()).isNotEqualTo(6379);
    }

    @Test
    void killedServerStopsAnsweringAndRestartsEmptyOnTheSamePort() {
        int port = redis.port();
        RedisWire.command(port, "SET", "k", "v");

        redis.kill();
        assertThat(redis.isRunning()).isFalse();
        assertThat(RedisWire.answersPing(port)).isFalse();

        redis.restart();
        assertThat(redis.port()).isEqualTo(port);
        assertThat(RedisWire.answersPing(port)).isTrue();
        assertThat(RedisWire.command(port, "GET", "k")).isEqualTo("$-1");
    }

    @Test
    void gracefullyStoppedServerCanBeRestarted() {
        redis.stop();
        assertThat(RedisWire.answersPing(redis.port())).isFalse();

        redis.restart();
        assertThat(RedisWire.answersPing(redis.port())).isTrue();
    }

    @Test
    void flushAllEmptiesTheServer() {
        RedisWire.command(redis.port(), "SET", "k", "v");

        redis.flushAll();

        assertThat(RedisWire.command(redis.port(), "GET", "k")).isEqualTo("$-1");
    }

    @Test
    void pausedServerHoldsCommandsUntilThePauseEnds() throws IOException {
        redis.pause(1500);

        assertThatThrownBy(() -> RedisWire.send(redis.port(), 200, "SET", "k", "v"))
                .isInstanceOf(SocketTimeoutException.class);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> RedisWire.answersPing(redis.port()));
        assertThat(RedisWire.send(redis.port(), 2000, "SET", "k", "v")).isEqualTo("+OK");
    }

    @Test
    void missingBinaryFailsNamingHowToInstallRedis() {
        assertThatThrownBy(() -> RedisServer.start(Map.of("REDIS_SERVER_BIN", "/nonexistent/redis-server")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/redis-server")
                .hasMessageContaining("apt-get install -y redis-server")
                .hasMessageContaining("REDIS_SERVER_BIN");
    }
}
