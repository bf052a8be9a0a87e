package io.quantumgates.common.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Mirrors the daemons: every outcome (handled or dead letter) is one Lua call that XADDs to an outcome stream and
 * XACKs the entry. Entries with {@code poison=1} throw; the optional hook runs before that (e.g. to trim).
 */
final class RecordingHandler implements EntryHandler {
    static final LuaScript OUTCOME_AND_ACK = LuaScript.of(
            "outcome-and-ack",
            "redis.call('XADD', KEYS[2], '*', 'id', ARGV[2], 'outcome', ARGV[3])\n"
                    + "return redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])");

    record DeadLetter(String id, DeadLetterReason reason, long deliveries) {}

    private final RedisCommands<String, String> redis;
    private final String outcomes;
    final List<StreamEntry> handled = new CopyOnWriteArrayList<>();
    final List<String> attempts = new CopyOnWriteArrayList<>();
    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final List<String> prepared = new CopyOnWriteArrayList<>();
    final AtomicInteger groupRecreated = new AtomicInteger();
    volatile Consumer<StreamEntry> beforeHandle = e -> {};

    RecordingHandler(RedisCommands<String, String> redis, String outcomes) {
        this.redis = redis;
        this.outcomes = outcomes;
    }

    @Override
    public void beforeBatch(List<StreamEntry> batch) {
        batchSizes.add(batch.size());
        batch.forEach(e -> prepared.add(e.id()));
    }

    @Override
    public void handle(StreamEntry entry) {
        attempts.add(entry.id());
        beforeHandle.accept(entry);
        if ("1".equals(entry.fields().get("poison"))) {
            throw new IllegalStateException("poison entry " + entry.id());
        }
        ack(entry, "handled");
        handled.add(entry);
    }

    @Override
    public void deadLetter(StreamEntry entry, DeadLetterReason reason) {
        ack(entry, reason.code());
        deadLetters.add(new DeadLetter(entry.id(), reason, entry.deliveries()));
    }

    @Override
    public void onGroupRecreated() {
        groupRecreated.incrementAndGet();
    }

    List<String> handledIds() {
        List<String> ids = new ArrayList<>();
        handled.forEach(e -> ids.add(e.id()));
        return ids;
    }

    private void ack(StreamEntry entry, String outcome) {
        OUTCOME_AND_ACK.eval(
                redis, ScriptOutputType.INTEGER, List.of(entry.stream(), outcomes), List.of(entry.group(), entry.id(), outcome));
    }
}
