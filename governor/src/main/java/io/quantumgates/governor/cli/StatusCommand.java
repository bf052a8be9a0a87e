package io.quantumgates.governor.cli;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.Env;
import io.quantumgates.governor.GovernorKeys;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine.Command;

/**
 * {@code status}: one screen answering "is the Governor up, what does it see, is anything stuck?" — read from Redis
 * only, so it works from any host that can reach Redis and never calls the exchange.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Instances, exchange snapshot, reservations, kill, latch, lag and last decisions.",
            "Live Governor instances (mode, caps), exchange snapshot age, positions, total notional and wallet, open",
            "reservations, kill switch, disarm latch, consumer-group lag and pending, and the last 10 decisions."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:shown", "1:Redis failed", "2:usage"})
public final class StatusCommand extends OperatorCommand {
    static final int LAST_DECISIONS = 10;

    public StatusCommand() {
        this(Env.system(), InstantSource.system());
    }

    StatusCommand(Env env, InstantSource clock) {
        super(env, clock);
    }

    @Override
    int execute() {
        CliKeys keys = CliKeys.from(env());
        try (RedisSession session = RedisSession.open(env())) {
            RedisCommands<String, String> redis = session.commands();
            long redisNowMs = redisTimeMillis(redis);
            out().println("Redis: " + session.where());
            instances(redis);
            snapshot(redis, redisNowMs);
            reservations(redis);
            out().println("Kill switch: " + KillCommand.describe(KillCommand.readState(redis)));
            String latch = redis.get(GovernorKeys.DISARMED);
            out().println("Auto-disarm latch: " + (latch == null ? "not set" : "SET - OPEN plans blocked (auto_disarmed) until `rearm`: " + latch));
            groups(redis, keys.plans());
            groups(redis, keys.results());
            lastDecisions(redis);
            return OK;
        }
    }

    private void instances(RedisCommands<String, String> redis) {
        TreeSet<String> names = new TreeSet<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(GovernorKeys.INSTANCE_PREFIX + "*").limit(200));
            names.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        if (names.isEmpty()) {
            out().println("Instances: NONE live (no " + GovernorKeys.INSTANCE_PREFIX + "* key: no Governor has reported in the last 30 s)");
            return;
        }
        out().println("Instances (" + names.size() + " live):");
        for (String key : names) {
            Map<String, String> fields = new TreeMap<>(redis.hgetall(key));
            StringBuilder line = new StringBuilder("  " + key.substring(GovernorKeys.INSTANCE_PREFIX.length()));
            fields.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            out().println(line);
        }
    }

    private void snapshot(RedisCommands<String, String> redis, long redisNowMs) {
        Map<String, String> meta = redis.hgetall(GovernorKeys.EXCHANGE_META);
        if (meta.isEmpty()) {
            out().println("Exchange snapshot: NONE (OPEN plans block exchange_state_unavailable until the poller installs one)");
            return;
        }
        String age = "?";
        try {
            // Age counts from the start of the fetch (contract §3.8): TIME − installed_at_ms + fetch_ms.
            long installed = Long.parseLong(meta.getOrDefault("installed_at_ms", ""));
            long fetch = Long.parseLong(meta.getOrDefault("fetch_ms", "0"));
            age = (redisNowMs - installed + fetch) + " ms";
        } catch (NumberFormatException e) {
            // shown as "?": an operator still wants the rest of the screen
        }
        out().println("Exchange snapshot: age " + age + ", status " + meta.getOrDefault("status", "?")
                + (meta.getOrDefault("last_error", "").isEmpty() ? "" : ", last_error " + meta.get("last_error")));
        out().println("  positions " + meta.getOrDefault("positions_open", "?")
                + ", total notional $" + meta.getOrDefault("total_notional", "?")
                + ", wallet $" + meta.getOrDefault("wallet_balance", "?")
                + ", available $" + meta.getOrDefault("available_balance", "?")
                + ", weight used " + meta.getOrDefault("weight_used", "?")
                + (meta.containsKey("paused_until_ms") ? ", paused until " + Times.localMillis(Long.parseLong(meta.get("paused_until_ms"))) : ""));
    }

    private void reservations(RedisCommands<String, String> redis) {
        long count = redis.hlen(GovernorKeys.RESERVATIONS);
        String notional = redis.get(GovernorKeys.RESERVATIONS_NOTIONAL);
        out().println("Reservations: " + count + " open, reserved notional $" + (notional == null ? "0" : notional));
    }

    private void groups(RedisCommands<String, String> redis, String stream) {
        List<Object> groups;
        try {
            groups = redis.xinfoGroups(stream);
        } catch (RedisException e) {
            out().println("Stream " + stream + ": absent (" + e.getMessage() + ")");
            return;
        }
        if (groups.isEmpty()) {
            out().println("Stream " + stream + ": no consumer group");
        }
        for (Object group : groups) {
            Map<String, Object> g = pairs(group);
            out().println("Group " + g.get("name") + " on " + stream + ": lag " + g.getOrDefault("lag", "?")
                    + ", pending " + g.get("pending") + ", consumers " + g.get("consumers")
                    + ", last delivered " + g.get("last-delivered-id"));
        }
    }

    private void lastDecisions(RedisCommands<String, String> redis) {
        List<StreamMessage<String, String>> last = redis.xrevrange(GovernorKeys.AUDIT, Range.unbounded(), Limit.from(LAST_DECISIONS));
        out().println("Last " + LAST_DECISIONS + " decisions (" + GovernorKeys.AUDIT + ", newest first):" + (last.isEmpty() ? " none" : ""));
        for (StreamMessage<String, String> m : last) {
            Map<String, String> a = m.getBody();
            String planId = a.getOrDefault("plan_id", "");
            out().println("  " + Times.local(a.get("decided_at"))
                    + "  " + (planId.length() > 8 ? planId.substring(0, 8) : planId)
                    + "  " + a.getOrDefault("symbol", "")
                    + "  " + a.getOrDefault("class", "")
                    + "  " + a.getOrDefault("outcome", "")
                    + "  " + a.getOrDefault("reason", "")
                    + (a.getOrDefault("detail", "").isEmpty() ? "" : " (" + a.get("detail") + ")"));
        }
    }

    private static long redisTimeMillis(RedisCommands<String, String> redis) {
        List<String> time = redis.time();
        return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    }

    /** XINFO replies are flat name/value lists. */
    private static Map<String, Object> pairs(Object reply) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (reply instanceof List<?> list) {
            List<?> items = new ArrayList<>(list);
            for (int i = 0; i + 1 < items.size(); i += 2) {
                map.put(String.valueOf(items.get(i)), items.get(i + 1));
            }
        }
        return map;
    }
}
