package io.quantumgates.governor.cli;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.Env;
import io.quantumgates.governor.GovernorKeys;
import io.quantumgates.governor.policy.KillSwitch;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code kill on|off|status}: the kill switch blocks every plan, CLOSE included, in every mode (contract §3.3 step 6).
 * on/off write {@code quantum:kill} and a {@code KILL_ON}/{@code KILL_OFF} event in one MULTI, so the record of who
 * flipped it can never be missing.
 */
@Command(
        name = "kill",
        mixinStandardHelpOptions = true,
        description = {
            "Kill switch on/off (blocks every plan, CLOSE included), or its status.",
            "on/off: SET quantum:kill 1|0 and a KILL_ON|KILL_OFF event on STREAM_EVENTS recording who (user@host) and",
            "why (--reason). status: active, inactive or unreadable, and the last kill event."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done (status: active or inactive)", "1:Redis failed, or the key is unreadable", "2:usage"})
public final class KillCommand extends OperatorCommand {
    private static final int EVENTS_SCANNED = 500;

    @Parameters(index = "0", paramLabel = "on|off|status", description = "on, off or status")
    String action;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded in the event). Default: ${DEFAULT-VALUE}")
    String reason = "manual";

    public KillCommand() {
        this(Env.system(), InstantSource.system());
    }

    KillCommand(Env env, InstantSource clock) {
        super(env, clock);
    }

    @Override
    int execute() {
        String what = action.strip().toLowerCase(Locale.ROOT);
        if (!List.of("on", "off", "status").contains(what)) {
            throw new ParameterException(spec.commandLine(), "Expected on, off or status, got '" + action + "'");
        }
        CliKeys keys = CliKeys.from(env());
        try (RedisSession redis = RedisSession.open(env())) {
            return what.equals("status") ? status(redis.commands(), keys) : flip(redis.commands(), keys, what.equals("on"));
        }
    }

    private int flip(RedisCommands<String, String> redis, CliKeys keys, boolean on) {
        String event = on ? "KILL_ON" : "KILL_OFF";
        String by = Operator.identity();
        redis.multi();
        redis.set(GovernorKeys.KILL, on ? "1" : "0");
        redis.xadd(keys.events(), "event", event, "by", by, "reason", reason, "timestamp", epochSeconds(clock().millis()));
        if (redis.exec().wasDiscarded()) {
            throw new CliFailure("Kill switch not changed: the transaction was discarded");
        }
        out().println(on
                ? "Kill switch ON: every plan (CLOSE included) is now blocked kill_switch_active"
                : "Kill switch OFF: plans are decided normally again");
        out().println("Recorded " + event + " by " + by + " (reason: " + reason + ") in " + keys.events());
        return OK;
    }

    private int status(RedisCommands<String, String> redis, CliKeys keys) {
        KillSwitch state = readState(redis);
        out().println("Kill switch: " + describe(state));
        lastKillEvent(redis, keys).ifPresentOrElse(
                e -> out().println("Last kill event: " + e.getBody().getOrDefault("event", "?")
                        + " by " + e.getBody().getOrDefault("by", "?")
                        + " at " + Times.local(e.getBody().get("timestamp"))
                        + " (reason: " + e.getBody().getOrDefault("reason", "") + ")"),
                () -> out().println("Last kill event: none in " + keys.events()));
        return state == KillSwitch.UNREADABLE ? FAILURE : OK;
    }

    static KillSwitch readState(RedisCommands<String, String> redis) {
        try {
            return KillSwitch.parse(Optional.ofNullable(redis.get(GovernorKeys.KILL)));
        } catch (RedisException e) {
            if (String.valueOf(e.getMessage()).startsWith("WRONGTYPE")) {
                return KillSwitch.UNREADABLE;
            }
            throw e;
        }
    }

    private static Optional<StreamMessage<String, String>> lastKillEvent(RedisCommands<String, String> redis, CliKeys keys) {
        return redis.xrevrange(keys.events(), Range.unbounded(), Limit.from(EVENTS_SCANNED)).stream()
                .filter(m -> {
                    String event = m.getBody().get("event");
                    return "KILL_ON".equals(event) || "KILL_OFF".equals(event);
                })
                .findFirst();
    }

    /** One line for {@code kill status} and {@code status}. */
    static String describe(KillSwitch state) {
        return switch (state) {
            case ACTIVE -> "ACTIVE - every plan is blocked (kill_switch_active)";
            case INACTIVE -> "inactive";
            case UNREADABLE -> "UNREADABLE - OPEN plans are blocked (kill_switch_unreadable); fix with `kill on` or `kill off`";
        };
    }
}
