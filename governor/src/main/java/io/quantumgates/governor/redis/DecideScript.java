package io.quantumgates.governor.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.redis.LuaScript;
import io.quantumgates.governor.config.GovernorConfig;
import io.quantumgates.governor.policy.Evaluation;
import io.quantumgates.governor.policy.Limits;
import io.quantumgates.governor.policy.Plan;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code decide.lua}, the atomic step for one plan; its arguments and reply are fixed here. */
public final class DecideScript {
    private static final String SOURCE = GovernorScripts.source("/governor/decide.lua");
    private static final LuaScript SCRIPT = LuaScript.of("/governor/decide.lua", SOURCE);
    private static final String[] NO_KEYS = new String[0];

    private final String stream;
    private final String group;
    private final String mode;
    private final String credentials;
    private final String instance;
    private final List<String> settings;

    public DecideScript(GovernorConfig config, String group) {
        this.stream = config.streamPlans();
        this.group = group;
        this.mode = config.mode().code();
        this.credentials = config.credentials().present() ? "1" : "0";
        this.instance = config.consumerName();
        Limits l = config.limits();
        this.settings = List.of(
                Integer.toString(l.maxOpenPositions()),
                l.maxNotionalPerTrade().toPlainString(),
                l.maxTotalNotional().toPlainString(),
                Integer.toString(l.symbolCooldownSeconds()),
                Integer.toString(l.maxExecPerHour()),
                Integer.toString(l.maxExecPer5min()),
                l.maxReduceNotionalPerDay().toPlainString(),
                l.killScoreCritical().toPlainString(),
                config.autoDisarm() ? "1" : "0",
                config.disarmOnBurstBreach() ? "1" : "0",
                Integer.toString(config.exchangeMaxAgeMs()),
                Integer.toString(config.reservationTtlSec()),
                l.perTradeShown(),
                l.totalShown(),
                l.dailyShown(),
                l.killScoreShown(),
                config.streamEvents());
    }

    public static String sha() {
        return SCRIPT.sha();
    }

    /** Loads the script into Redis, so pipelined EVALSHAs find it (a NOSCRIPT later is retried by {@link #run}). */
    public static void load(RedisCommands<String, String> redis) {
        redis.scriptLoad(SOURCE);
    }

    /**
     * Sends the script without waiting (pipelined with the batch's others; Redis runs them in order). No NOSCRIPT
     * retry here: the caller re-runs with {@link #run} when the future fails with it.
     */
    public RedisFuture<List<Object>> send(RedisAsyncCommands<String, String> redis, Plan plan, String qtyArg,
            String preblock, String predetail) {
        return redis.evalsha(SCRIPT.sha(), ScriptOutputType.MULTI, NO_KEYS,
                args(plan, qtyArg, preblock, predetail).toArray(NO_KEYS));
    }

    /**
     * @param qtyArg |qty| or empty
     * @param preblock a reason decided before Redis state ({@code invalid_plan}, {@code evaluation_error}) or empty
     */
    public Evaluation run(RedisCommands<String, String> redis, Plan plan, String qtyArg, String preblock,
            String predetail) {
        List<Object> reply = SCRIPT.eval(redis, ScriptOutputType.MULTI, List.of(), args(plan, qtyArg, preblock, predetail));
        return Evaluation.fromReply(reply);
    }

    List<String> args(Plan plan, String qtyArg, String preblock, String predetail) {
        List<String> a = new ArrayList<>(32);
        a.add(plan.planId());
        a.add(stream);
        a.add(group);
        a.add(plan.streamId());
        a.add(plan.symbol());
        a.add(plan.action());
        a.add(plan.planClass().name());
        a.add(mode);
        a.add(preblock);
        a.add(predetail);
        a.add(qtyArg);
        a.add(Double.toString(plan.killScore()));
        a.add(credentials);
        a.add(instance);
        a.addAll(settings);
        return a;
    }
}
