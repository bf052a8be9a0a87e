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

class RearmCommandIT {
    @RegisterExtension
    static final TestRedis redis = new TestRedis();
    final ManualClock clock = new ManualClock(Instant.ofEpochMilli(1769471894010L));

    @Test
    void rearmClearsTheLatchAndRecordsWhoAndWhy() {
        redis.redis().set("quantum:governor:disarmed",
                "{\"reason\": \"burst_limit_breach\", \"context\": {}, \"timestamp\": 1769471800.000, \"instance\": \"gov-a-1\"}");

        CliRun run = CliRun.of(new RearmCommand(redis.env(), clock), "--reason", "burst understood");

        assertThat(run.exitCode()).isZero();
        assertThat(redis.redis().exists("quantum:governor:disarmed")).isZero();
        List<StreamMessage<String, String>> events = redis.redis().xrange("quantum:stream:governor.events", Range.unbounded());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getBody())
                .containsEntry("event", "REARM")
                .containsEntry("by", Operator.identity())
                .containsEntry("reason", "burst understood")
                .containsEntry("timestamp", "1769471894.010");
        assertThat(run.out()).contains("Rearmed").contains("burst_limit_breach");
    }

    @Test
    void rearmWithoutALatchChangesNothing() {
        CliRun run = CliRun.of(new RearmCommand(redis.env(), clock));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Not disarmed");
        assertThat(redis.redis().exists("quantum:stream:governor.events")).isZero();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.of(new RearmCommand(redis.env(), clock), "--force");

        assertThat(run.exitCode()).isEqualTo(2);
    }
}
