package io.quantumgates.bench.load;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Map;

/** What one daemon is fed, where its outcomes appear, and how it is started. */
interface Workload {
    /** {@code governor} or {@code heatgate}. */
    String name();

    /** The stream the daemon consumes. */
    String inputStream();

    /** The consumer group the daemon creates on {@link #inputStream()}. */
    String group();

    /** The stream with one entry per decided input, carrying {@code plan_id}. */
    String outcomeStream();

    /** Outcome label of one outcome entry, e.g. {@code ALLOW} or {@code BLOCK notional_per_trade_exceeded}. */
    String outcomeLabel(Map<String, String> fields);

    /** Fields of the {@code i}-th tracked input entry. */
    Map<String, String> entry(int i, String planId);

    /** Untracked entries to publish just before the {@code i}-th tracked one (Heat Gate snapshots). */
    List<Side> sideEntries(int i);

    /** State the daemon needs before it decides (equity, a first snapshot). */
    void prepare(RedisCommands<String, String> redis);

    /** Extra readiness beyond "every instance reads the group" (the Governor's first exchange snapshot). */
    boolean ready(RedisCommands<String, String> redis);

    /** Environment of daemon instance {@code instance} (1-based). */
    Map<String, String> env(int instance, String redisUrl);

    /** One untracked XADD. */
    record Side(String stream, Map<String, String> fields) {}
}
