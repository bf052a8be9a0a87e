package io.quantumgates.governor.cli;

import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.Env;
import io.quantumgates.governor.GovernorKeys;
import java.time.InstantSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rearm}: clears the auto-disarm latch ({@code quantum:governor:disarmed}) so OPEN plans are judged again, and
 * records a {@code REARM} event with who and why, in one MULTI. A Governor that is not disarmed is left alone.
 */
@Command(
        name = "rearm",
        mixinStandardHelpOptions = true,
        description = {
            "Clear the auto-disarm latch so OPEN plans are judged again.",
            "DEL quantum:governor:disarmed and a REARM event recording who and why. Until then OPEN plans are",
            "blocked auto_disarmed; find the cause first (status shows the latch, journalctl the AUTO-DISARM lines)."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:rearmed, or was not disarmed", "1:Redis failed", "2:usage"})
public final class RearmCommand extends OperatorCommand {
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded in the event). Default: ${DEFAULT-VALUE}")
    String reason = "manual";

    public RearmCommand() {
        this(Env.system(), InstantSource.system());
    }

    RearmCommand(Env env, InstantSource clock) {
        super(env, clock);
    }

    @Override
    int execute() {
        CliKeys keys = CliKeys.from(env());
        try (RedisSession session = RedisSession.open(env())) {
            RedisCommands<String, String> redis = session.commands();
            String latch = redis.get(GovernorKeys.DISARMED);
            if (latch == null) {
                out().println("Not disarmed: nothing to rearm (" + GovernorKeys.DISARMED + " is absent)");
                return OK;
            }
            String by = Operator.identity();
            redis.multi();
            redis.del(GovernorKeys.DISARMED);
            redis.xadd(keys.events(), "event", "REARM", "by", by, "reason", reason, "timestamp", epochSeconds(clock().millis()));
            if (redis.exec().wasDiscarded()) {
                throw new CliFailure("Not rearmed: the transaction was discarded");
            }
            out().println("Rearmed: OPEN plans are judged by the gates again (was disarmed: " + latch + ")");
            out().println("Recorded REARM by " + by + " (reason: " + reason + ") in " + keys.events());
            return OK;
        }
    }
}
