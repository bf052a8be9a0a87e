package io.quantumgates.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.SetArgs;
import io.quantumgates.governor.TestRedis;
import io.quantumgates.testkit.ManualClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WhyCommandIT {
    @RegisterExtension
    static final TestRedis redis = new TestRedis();
    final ManualClock clock = new ManualClock(Instant.ofEpochMilli(1769471894010L));

    /** What the Governor writes for contract §7.1 (c): the plan entry, its audit entry, block record and marker. */
    private void recordBlockedSolPlan() {
        String planId = "73071774b2c9d0e4";
        String streamId = redis.redis().xadd("quantum:stream:apply.plan", "plan_id", planId, "symbol", "SOLUSDT",
                "side", "BUY", "qty", "1.0", "reduceOnly", "false", "decision", "EXECUTE");
        Map<String, String> audit = new LinkedHashMap<>();
        audit.put("plan_id", planId);
        audit.put("symbol", "SOLUSDT");
        audit.put("action", "UNKNOWN");
        audit.put("class", "OPEN");
        audit.put("outcome", "BLOCK");
        audit.put("reason", "max_positions_reached");
        audit.put("detail", "projected=23 max=10");
        audit.put("qty", "1.0");
        audit.put("mark", "150.0");
        audit.put("notional", "150.0");
        audit.put("positions_open", "22");
        audit.put("total_notional", "118844.14");
        audit.put("stream_id", streamId);
        audit.put("decided_at", "1769471894.010");
        String auditId = redis.redis().xadd("quantum:stream:governor.decisions", audit);
        redis.redis().set("quantum:governor:block:" + planId,
                "{\"reason\": \"max_positions_reached\", \"timestamp\": 1769471894.010, \"symbol\": \"SOLUSDT\", \"detail\": \"projected=23 max=10\"}",
                SetArgs.Builder.ex(3600));
        redis.redis().set("quantum:governor:decided:" + planId,
                "{\"outcome\": \"BLOCK\", \"reason\": \"max_positions_reached\", \"stream_id\": \"" + streamId
                        + "\", \"audit_id\": \"" + auditId + "\", \"decided_at\": 1769471894.010}");
    }

    @Test
    void whyShowsTheOutcomeAndTheInputsItWasJudgedOn() {
        recordBlockedSolPlan();

        CliRun run = CliRun.of(new WhyCommand(redis.env(), clock), "73071774b2c9d0e4");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Plan 73071774b2c9d0e4: BLOCK max_positions_reached")
                .contains("detail = projected=23 max=10")
                .contains("positions_open = 22")
                .contains("total_notional = 118844.14")
                .contains("quantum:governor:block:73071774b2c9d0e4 (expires in ")
                .contains("qty = 1.0")
                .contains("side = BUY");
    }

    @Test
    void whyForAnUnknownPlanFails() {
        CliRun run = CliRun.of(new WhyCommand(redis.env(), clock), "no-such-plan");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No decision recorded for plan no-such-plan");
    }

    @Test
    void whyWithoutAPlanIdIsAUsageError() {
        CliRun run = CliRun.of(new WhyCommand(redis.env(), clock));

        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void whySaysSoWhenTheAuditEntryWasTrimmed() {
        redis.redis().set("quantum:governor:decided:p1",
                "{\"outcome\": \"ALLOW\", \"reason\": \"none\", \"stream_id\": \"1-0\", \"audit_id\": \"2-0\", \"decided_at\": 1769471894.010}");

        CliRun run = CliRun.of(new WhyCommand(redis.env(), clock), "p1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Plan p1: ALLOW none").contains("Audit entry 2-0: trimmed");
    }
}
