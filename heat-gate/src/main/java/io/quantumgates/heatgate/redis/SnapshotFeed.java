package io.quantumgates.heatgate.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.heatgate.heat.PortfolioView;
import io.quantumgates.heatgate.heat.SnapshotUpdate;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link PortfolioView} current from {@code quantum:stream:position.snapshot}: every instance reads the whole
 * stream (no group), first back to the max age, then blocking on its own connection in a background thread.
 */
public final class SnapshotFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SnapshotFeed.class);
    static final int BACKFILL_LIMIT = 10_000;
    private static final long BLOCK_MILLIS = 1000;
    private static final long RETRY_MILLIS = 1000;

    private final Supplier<StatefulRedisConnection<String, String>> connections;
    private final PortfolioView view;
    private final long maxAgeMillis;
    private final InstantSource clock;
    private final Runnable onInvalid;
    private volatile boolean running;
    private Thread thread;
    private StatefulRedisConnection<String, String> connection;
    private String lastId = "0-0";

    public SnapshotFeed(Supplier<StatefulRedisConnection<String, String>> connections, PortfolioView view,
            long maxAgeMillis, InstantSource clock, Runnable onInvalid) {
        this.connections = connections;
        this.view = view;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
        this.onInvalid = onInvalid;
    }

    /** Loads the snapshots of the last max-age window (≤ 10 000 entries), oldest first. Returns how many. */
    public int backfill() {
        connection = connections.get();
        return backfill(connection.sync());
    }

    private int backfill(RedisCommands<String, String> redis) {
        long since = clock.millis() - maxAgeMillis;
        List<StreamMessage<String, String>> recent = redis.xrevrange(Keys.SNAPSHOTS,
                Range.from(Range.Boundary.including(since + "-0"), Range.Boundary.unbounded()),
                Limit.from(BACKFILL_LIMIT));
        if (recent.isEmpty()) {
            List<StreamMessage<String, String>> tip = redis.xrevrange(Keys.SNAPSHOTS, Range.unbounded(), Limit.from(1));
            lastId = tip.isEmpty() ? "0-0" : tip.get(0).getId();
            return 0;
        }
        for (int i = recent.size() - 1; i >= 0; i--) {
            apply(recent.get(i));
        }
        return recent.size();
    }

    /** Follows the stream on a background thread until {@link #close()}. */
    public void start() {
        running = true;
        thread = new Thread(this::follow, "p26-snapshots");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        while (running) {
            try {
                if (connection == null) {
                    connection = connections.get();
                }
                List<StreamMessage<String, String>> batch = connection.sync().xread(
                        XReadArgs.Builder.block(BLOCK_MILLIS).count(1000), XReadArgs.StreamOffset.from(Keys.SNAPSHOTS, lastId));
                for (StreamMessage<String, String> m : batch) {
                    apply(m);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Snapshot stream read failed: {} - retrying in 1s", e.getMessage());
                sleep();
            }
        }
    }

    private void apply(StreamMessage<String, String> m) {
        lastId = m.getId();
        long millis = Long.parseLong(m.getId().substring(0, m.getId().indexOf('-')));
        SnapshotUpdate update = view.apply(m.getBody(), millis);
        if (update instanceof SnapshotUpdate.Invalid invalid) {
            onInvalid.run();
            log.debug("Ignoring snapshot {}: {}", m.getId(), invalid.why());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        // Closing the connection ends a blocked XREAD at once, so shutdown stays within its 5 s.
        if (connection != null) {
            connection.close();
        }
        if (thread != null) {
            try {
                thread.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
