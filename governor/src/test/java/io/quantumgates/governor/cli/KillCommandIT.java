package io.quantumgates.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.quantumgates.governor.TestRedis;
import io.quantumgates.testkit.ManualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KillCommandIT {
    @RegisterExtension
    static final TestRedis redis = new TestRedis();
    final ManualClock clock = new ManualClock(Instant.ofEpochMilli(1769471881204L));

    private CliRun kill(String... args) {
        return CliRun.of(new KillCommand(redis.env(), clock), args);
    }

    @Test
    void killOnSetsTheKeyAndRecordsWhoAndWhy() {
        CliRun run = kill("on", "--reason", "exchange incident");

        assertThat(run.exitCode()).isZero();
        assertThat(redis.redis().get("quantum:kill")).isEqualTo("1");
        List<StreamMessage<String, String>> events = redis.redis().xrange("quantum:stream:governor.events", Range.unbounded());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getBody())
                .containsEntry("event", "KILL_ON")
                .containsEntry("reason", "exchange incident")
                .containsEntry("timestamp", "1769471881.204")
                .containsEntry("by", Operator.identity());
        assertThat(run.out()).contains("Kill switch ON");
    }

    @Test
    void killOffClearsTheKeyAndRecordsKillOff() {
        kill("on");
        CliRun run = kill("off", "--reason", "resolved");

        assertThat(run.exitCode()).isZero();
        assertThat(redis.redis().get("quantum:kill")).isEqualTo("0");
        List<StreamMessage<String, String>> events = redis.redis().xrange("quantum:stream:governor.events", Range.unbounded());
        assertThat(events).extracting(m -> m.getBody().get("event")).containsExactly("KILL_ON", "KILL_OFF");
        assertThat(events.get(1).getBody()).containsEntry("reason", "resolved");
    }

    @Test
    void eventsGoToTheConfiguredEventsStream() {
        CliRun run = CliRun.of(new KillCommand(redis.env(java.util.Map.of("STREAM_EVENTS", "ops:events")), clock), "on");

        assertThat(run.exitCode()).isZero();
        assertThat(redis.redis().xlen("ops:events")).isEqualTo(1);
        assertThat(redis.redis().exists("quantum:stream:governor.events")).isZero();
    }

    @Test
    void statusShowsActiveAndTheLastKillEvent() {
        kill("on", "--reason", "drill");
        redis.redis().xadd("quantum:stream:governor.events", "event", "AUTO_DISARM", "reason", "burst_limit_breach");

        CliRun run = kill("status");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Kill switch: ACTIVE");
        assertThat(run.out()).contains("Last kill event: KILL_ON by " + Operator.identity()).contains("(reason: drill)");
    }

    @Test
    void statusShowsInactiveWhenTheKeyIsAbsent() {
        CliRun run = kill("status");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Kill switch: inactive").contains("Last kill event: none");
    }

    @Test
    void statusFailsOnAnUnreadableKillKey() {
        redis.redis().set("quantum:kill", "maybe");

        CliRun run = kill("status");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("UNREADABLE");
    }

    @Test
    void statusTreatsAWrongTypeKillKeyAsUnreadable() {
        redis.redis().lpush("quantum:kill", "1");

        CliRun run = kill("status");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("UNREADABLE");
    }

    @Test
    void anUnknownActionIsAUsageError() {
        CliRun run = kill("sideways");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Expected on, off or status");
        assertThat(redis.redis().exists("quantum:kill")).isZero();
    }

    @Test
    void helpExplainsTheCommand() {
        CliRun run = kill("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("on|off|status").contains("--reason");
    }

    @Test
    void redisDownIsAFailureNamingRedis() {
        CliRun run = CliRun.of(new KillCommand(new io.quantumgates.common.config.Env(
                java.util.Map.of("REDIS_URL", "redis://127.0.0.1:1")), clock), "on");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Redis unavailable (127.0.0.1:1)");
    }
}
