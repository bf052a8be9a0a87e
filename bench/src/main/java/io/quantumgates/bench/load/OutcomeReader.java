package io.quantumgates.bench.load;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;

/**
 * Follows the outcome stream with blocking XREADs in batches on its own connection and stamps each batch's arrival
 * once (nanoTime), so observing costs one round trip per batch, not per outcome.
 */
final class OutcomeReader implements Runnable {
    private final StatefulRedisConnection<String, String> connection;
    private final Workload workload;
    private final Tracker tracker;
    private volatile String lastId;
    private volatile boolean stopped;
    private volatile long lastProgress = System.nanoTime();
    private volatile long lastArrival;
    private volatile Throwable failure;
    private final Thread thread;

    OutcomeReader(StatefulRedisConnection<String, String> connection, Workload workload, Tracker tracker, String startId) {
        this.connection = connection;
        this.workload = workload;
        this.tracker = tracker;
        this.lastId = startId;
        this.thread = new Thread(this, "outcome-reader");
        this.thread.setDaemon(true);
    }

    /** The id of the newest entry of a stream, or {@code 0-0}: reading starts after it. */
    static String lastIdOf(RedisCommands<String, String> redis, String stream) {
        List<StreamMessage<String, String>> last = redis.xrevrange(stream, io.lettuce.core.Range.create("-", "+"),
                io.lettuce.core.Limit.create(0, 1));
        return last.isEmpty() ? "0-0" : last.get(0).getId();
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        RedisCommands<String, String> redis = connection.sync();
        XReadArgs args = XReadArgs.Builder.block(Duration.ofMillis(100)).count(2000);
        try {
            while (!stopped && tracker.distinctSeen() < tracker.count) {
                List<StreamMessage<String, String>> batch =
                        redis.xread(args, XReadArgs.StreamOffset.from(workload.outcomeStream(), lastId));
                if (batch.isEmpty()) {
                    continue;
                }
                long now = System.nanoTime();
                for (StreamMessage<String, String> m : batch) {
                    var body = m.getBody();
                    if (tracker.recordOutcome(body.get("plan_id"), now, Ids.millis(m.getId()),
                            workload.outcomeLabel(body))) {
                        lastArrival = now;
                    }
                }
                lastId = batch.get(batch.size() - 1).getId();
                lastProgress = now;
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Waits until every tracked entry has an outcome, or none arrived for {@code idle}; then stops. */
    void awaitAll(Duration idle) throws InterruptedException {
        while (thread.isAlive()) {
            if (System.nanoTime() - lastProgress > idle.toNanos()) {
                break;
            }
            thread.join(50);
        }
        stopped = true;
        thread.join(2000);
        if (failure != null) {
            throw new IllegalStateException("outcome reader failed: " + failure, failure);
        }
    }

    /** nanoTime of the last tracked outcome's arrival (0 if none). */
    long lastArrivalNanos() {
        return lastArrival;
    }

    /** Restarts the idle clock (when publishing starts, the reader has been idle while the daemon got ready). */
    void touch() {
        lastProgress = System.nanoTime();
    }
}
