package io.quantumgates.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.quantumgates.governor.TestRedis;
import io.quantumgates.testkit.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatusCommandIT {
    @RegisterExtension
    static final TestRedis redis = new TestRedis();
    final ManualClock clock = new ManualClock(Instant.ofEpochMilli(1769471894010L));

    private CliRun status() {
        return CliRun.of(new StatusCommand(redis.env(), clock));
    }

    @Test
    void statusShowsInstancesSnapshotReservationsKillLatchGroupsAndDecisions() {
        var r = redis.redis();
        List<String> now = r.time();
        long nowMs = Long.parseLong(now.get(0)) * 1000;
        r.hset("quantum:governor:instance:gov-vps1-4242", Map.of("mode", "testnet", "version", "0.1.0",
                "max_open_positions", "10"));
        r.hset("quantum:governor:exchange:meta", Map.of("installed_at_ms", String.valueOf(nowMs - 700), "fetch_ms", "40",
                "status", "ok", "last_error", "", "positions_open", "22", "total_notional", "118844.14",
                "wallet_balance", "13661.0", "available_balance", "0.0", "weight_used", "15"));
        r.hset("quantum:governor:reservations", "p1", "{\"plan_id\": \"p1\"}");
        r.set("quantum:governor:reservations:notional", "150.0");
        r.set("quantum:kill", "1");
        r.set("quantum:governor:disarmed", "{\"reason\": \"repeated_errors\"}");
        r.xgroupCreate(XReadArgs.StreamOffset.from("quantum:stream:apply.plan", "0"), "governor", XGroupCreateArgs.Builder.mkstream());
        r.xadd("quantum:stream:apply.plan", "plan_id", "a", "decision", "EXECUTE");
        r.xadd("quantum:stream:apply.plan", "plan_id", "b", "decision", "EXECUTE");
        r.xreadgroup(Consumer.from("governor", "c1"), XReadArgs.Builder.count(1), XReadArgs.StreamOffset.lastConsumed("quantum:stream:apply.plan"));
        for (int i = 0; i < 12; i++) {
            r.xadd("quantum:stream:governor.decisions", Map.of("plan_id", "plan000000" + i, "symbol", "BTCUSDT",
                    "class", "OPEN", "outcome", "BLOCK", "reason", "symbol_cooldown", "detail", "remaining_s=4" + i,
                    "decided_at", "1769471892.404"));
        }

        CliRun run = status();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Instances (1 live):")
                .contains("gov-vps1-4242").contains("mode=testnet")
                .contains("status ok")
                .contains("positions 22, total notional $118844.14, wallet $13661.0")
                .contains("Reservations: 1 open, reserved notional $150.0")
                .contains("Kill switch: ACTIVE")
                .contains("Auto-disarm latch: SET").contains("repeated_errors")
                .contains("Group governor on quantum:stream:apply.plan: lag 1, pending 1, consumers 1")
                .contains("Stream quantum:stream:apply.result: absent")
                .contains("plan0000  BTCUSDT  OPEN  BLOCK  symbol_cooldown (remaining_s=411)")
                .doesNotContain("remaining_s=41)");
        assertThat(run.out().lines().filter(l -> l.contains("symbol_cooldown"))).hasSize(10);
        long age = Long.parseLong(run.out().replaceAll("(?s).*Exchange snapshot: age (\\d+) ms.*", "$1"));
        assertThat(age).isBetween(740L, 60_000L);
    }

    @Test
    void statusOnAnEmptyRedisSaysWhatIsMissing() {
        CliRun run = status();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Instances: NONE live")
                .contains("Exchange snapshot: NONE")
                .contains("Reservations: 0 open")
                .contains("Kill switch: inactive")
                .contains("Auto-disarm latch: not set")
                .contains("Last 10 decisions (quantum:stream:governor.decisions, newest first): none");
    }
}
