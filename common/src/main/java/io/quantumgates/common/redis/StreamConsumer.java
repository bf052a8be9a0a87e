package io.quantumgates.common.redis;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XPendingArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.models.stream.PendingMessage;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one stream through a consumer group on its own blocking connection and hands entries to an
 * {@link EntryHandler}: creates the group (MKSTREAM, BUSYGROUP fine), reads own pending entries first after a
 * start or reconnect, then new ones; reclaims idle entries of dead consumers (XAUTOCLAIM); dead-letters entries
 * delivered more than {@code maxDeliveries} times; survives Redis restarts (re-creates a lost group and tells
 * the handler). Never acks by itself: the handler's atomic step does.
 *
 * <p>Delivery counts come from Redis: a first read ({@code >}) is delivery 1; re-reading own pending entries and
 * XAUTOCLAIM both increment Redis's counter (7.0), read back with one XPENDING per batch. A failed entry stays
 * pending and is re-read after a short pause, so a poison entry reaches the limit in bounded time.
 */
public final class StreamConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);
    private static final String FROM_START = "0";
    private static final String CURSOR_START = "0-0";

    private final RedisConnector connector;
    private final StreamConsumerSettings settings;
    private final EntryHandler handler;
    private final InstantSource clock;

    private volatile boolean running;
    private volatile boolean groupKnown;
    private volatile Instant lastLoopAt = Instant.EPOCH;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    // Set when our connection drops: Lettuce may re-send a blocking read whose reply was lost, leaving entries in
    // our PEL that no reply showed us, so the next pass reads own pending first.
    private volatile boolean disconnected;
    private final RedisConnectionStateListener disconnectWatch = new RedisConnectionStateListener() {
        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> handle) {
            if (handle == connection) {
                disconnected = true;
            }
        }
    };
    private Thread thread; // guarded by this

    public StreamConsumer(RedisConnector connector, StreamConsumerSettings settings, EntryHandler handler) {
        this(connector, settings, handler, InstantSource.system());
    }

    StreamConsumer(RedisConnector connector, StreamConsumerSettings settings, EntryHandler handler, InstantSource clock) {
        this.connector = connector;
        this.settings = settings;
        this.handler = handler;
        this.clock = clock;
    }

    /** Creates the group if needed (returns true if it created it) — callers log their own line. */
    public boolean ensureGroup() {
        return createGroup(connector.shared().sync());
    }

    /** Starts the consume loop on its own thread. */
    public synchronized void start() {
        if (thread != null && thread.isAlive()) {
            return;
        }
        running = true;
        stopSignal = new CountDownLatch(1);
        connector.client().addListener(disconnectWatch);
        thread = new Thread(this::run, "consumer-" + settings.group() + "-" + settings.stream());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stop reading, finish the entries already read, then return (at most {@code timeout}). */
    public synchronized void stop(Duration timeout) {
        running = false;
        stopSignal.countDown();
        Thread t = thread;
        if (t == null) {
            return;
        }
        try {
            t.join(Math.max(1, timeout.toMillis()));
            if (t.isAlive()) {
                log.warn("Consumer {} on {} did not stop within {} ms - interrupting it", settings.consumer(),
                    settings.stream(), timeout.toMillis());
                t.interrupt();
                StatefulRedisConnection<String, String> c = connection;
                if (c != null) {
                    c.closeAsync();
                }
                t.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        connector.client().removeListener(disconnectWatch);
    }

    /** When the loop last completed a read (or a block timeout) successfully: for {@code /healthz}. */
    public Instant lastLoopAt() {
        return lastLoopAt;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    private void run() {
        Backoff redisBackoff = Backoff.startup();
        Backoff failureBackoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(1));
        String pendingFrom = FROM_START; // null once own pending entries are done: then read new ones
        boolean groupMissing = false;
        long nextClaimAt = System.nanoTime();
        try {
            while (running) {
                try {
                    RedisCommands<String, String> redis = connection().sync();
                    if (groupMissing) {
                        recreateGroup(redis);
                        groupMissing = false;
                    }
                    if (disconnected) {
                        disconnected = false;
                        pendingFrom = FROM_START;
                    }
                    boolean failed = false;
                    // Own pending entries first; reclaiming others' waits until that pass is done.
                    if (pendingFrom == null && System.nanoTime() - nextClaimAt >= 0) {
                        failed = claimIdleEntries(redis);
                        nextClaimAt = System.nanoTime() + settings.claimEvery().toNanos();
                    }
                    if (pendingFrom != null) {
                        List<StreamEntry> batch = readOwnPending(redis, pendingFrom);
                        if (batch.isEmpty()) {
                            pendingFrom = null;
                        } else {
                            pendingFrom = batch.get(batch.size() - 1).id();
                            failed |= process(batch);
                        }
                    } else {
                        failed |= process(readNew(redis));
                    }
                    redisBackoff.reset();
                    if (failed) {
                        // The failed entries are still pending: read them again, after a pause so a poison entry
                        // reaches maxDeliveries without a tight loop.
                        pendingFrom = FROM_START;
                        pause(failureBackoff.next());
                    } else {
                        failureBackoff.reset();
                    }
                } catch (RedisException e) {
                    if (!running) {
                        break;
                    }
                    pendingFrom = FROM_START;
                    if (isNoGroup(e)) {
                        groupMissing = true;
                        log.warn("Consumer group {} on {} is missing - creating it again", settings.group(),
                                settings.stream());
                        continue;
                    }
                    Duration wait = redisBackoff.next();
                    log.warn("Redis error reading {} (group {}): {} - retrying in {}s", settings.stream(),
                            settings.group(), connector.describe(e), Backoff.seconds(wait));
                    pause(wait);
                } catch (RuntimeException e) {
                    // A bug here must not end consumption for the life of the daemon: log it and go on.
                    pendingFrom = FROM_START;
                    Duration wait = redisBackoff.next();
                    log.error("Unexpected error consuming {} (group {}) - retrying in {}s", settings.stream(),
                            settings.group(), Backoff.seconds(wait), e);
                    pause(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            log.error("Consumer {} on {} stopped by an unexpected error", settings.consumer(), settings.stream(), e);
            throw e;
        } finally {
            StatefulRedisConnection<String, String> c = connection;
            connection = null;
            if (c != null) {
                c.closeAsync();
            }
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            c = connector.connect();
            connection = c;
        }
        return c;
    }

    private boolean createGroup(RedisCommands<String, String> redis) {
        try {
            redis.xgroupCreate(
                    StreamOffset.from(settings.stream(), settings.createAt()),
                    settings.group(),
                    XGroupCreateArgs.Builder.mkstream());
            groupKnown = true;
            return true;
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("BUSYGROUP")) {
                groupKnown = true;
                return false;
            }
            throw e;
        }
    }

    private void recreateGroup(RedisCommands<String, String> redis) {
        boolean existedBefore = groupKnown;
        createGroup(redis);
        if (existedBefore) {
            // We read through this group before, so Redis lost its state (restart without persistence, or the
            // stream was deleted), whoever re-created it.
            handler.onGroupRecreated();
        }
    }

    private static boolean isNoGroup(RedisException e) {
        return e instanceof RedisCommandExecutionException
                && e.getMessage() != null
                && e.getMessage().startsWith("NOGROUP");
    }

    private List<StreamEntry> readNew(RedisCommands<String, String> redis) {
        List<StreamMessage<String, String>> messages = redis.xreadgroup(
                Consumer.from(settings.group(), settings.consumer()),
                XReadArgs.Builder.count(settings.batchSize()).block(settings.block()),
                StreamOffset.lastConsumed(settings.stream()));
        loopCompleted();
        List<StreamEntry> batch = new ArrayList<>(messages.size());
        for (StreamMessage<String, String> m : messages) {
            batch.add(entry(m.getId(), m.getBody(), 1));
        }
        return batch;
    }

    private List<StreamEntry> readOwnPending(RedisCommands<String, String> redis, String after) {
        List<StreamMessage<String, String>> messages = redis.xreadgroup(
                Consumer.from(settings.group(), settings.consumer()),
                XReadArgs.Builder.count(settings.batchSize()),
                StreamOffset.from(settings.stream(), after));
        loopCompleted();
        if (messages.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(messages.size());
        messages.forEach(m -> ids.add(m.getId()));
        Map<String, Long> deliveries = deliveries(redis, ids);
        List<StreamEntry> batch = new ArrayList<>(messages.size());
        for (StreamMessage<String, String> m : messages) {
            batch.add(entry(m.getId(), m.getBody(), deliveries.getOrDefault(m.getId(), 1L)));
        }
        return batch;
    }

    /**
     * XAUTOCLAIMs entries idle for {@code claimIdle} into this consumer, page by page, and processes them.
     * Entries XAUTOCLAIM reports as deleted (trimmed while pending) are already out of the PEL: they are
     * dead-lettered with 0 deliveries, as their count is gone with them.
     */
    private boolean claimIdleEntries(RedisCommands<String, String> redis) {
        boolean failed = false;
        String cursor = CURSOR_START;
        do {
            CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8)
                    .addKey(settings.stream())
                    .add(settings.group())
                    .add(settings.consumer())
                    .add(settings.claimIdle().toMillis())
                    .add(cursor)
                    .add("COUNT")
                    .add(settings.batchSize());
            List<Object> reply = redis.dispatch(CommandType.XAUTOCLAIM, new NestedMultiOutput<>(StringCodec.UTF8), args);
            cursor = (String) reply.get(0);
            List<StreamEntry> batch = new ArrayList<>();
            List<?> claimed = (List<?>) reply.get(1);
            int deleted = 0;
            if (!claimed.isEmpty()) {
                List<String> ids = new ArrayList<>(claimed.size());
                for (Object o : claimed) {
                    ids.add((String) ((List<?>) o).get(0));
                }
                Map<String, Long> deliveries = deliveries(redis, ids);
                for (Object o : claimed) {
                    List<?> pair = (List<?>) o;
                    String id = (String) pair.get(0);
                    batch.add(entry(id, fieldMap((List<?>) pair.get(1)), deliveries.getOrDefault(id, 1L)));
                }
            }
            if (reply.size() > 2) {
                for (Object id : (List<?>) reply.get(2)) {
                    batch.add(entry((String) id, Map.of(), 0));
                    deleted++;
                }
            }
            if (!batch.isEmpty()) {
                log.info("Claimed {} idle entries of {} into consumer {} ({} deleted while pending)",
                        claimed.size(), settings.stream(), settings.consumer(), deleted);
                failed |= process(batch);
            }
        } while (running && !CURSOR_START.equals(cursor));
        return failed;
    }

    /** One XPENDING over the id range of a batch of own pending entries. */
    private Map<String, Long> deliveries(RedisCommands<String, String> redis, List<String> ids) {
        List<PendingMessage> pending = redis.xpending(
                settings.stream(),
                XPendingArgs.Builder.xpending(
                        Consumer.from(settings.group(), settings.consumer()),
                        Range.create(ids.get(0), ids.get(ids.size() - 1)),
                        Limit.from(Math.max(ids.size(), settings.batchSize()) * 2L)));
        Map<String, Long> counts = new HashMap<>(pending.size() * 2);
        for (PendingMessage p : pending) {
            counts.put(p.getId(), p.getRedeliveryCount());
        }
        return counts;
    }

    private static Map<String, String> fieldMap(List<?> flat) {
        if (flat == null) {
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>(flat.size());
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return fields;
    }

    private StreamEntry entry(String id, Map<String, String> body, long deliveries) {
        return new StreamEntry(settings.stream(), settings.group(), id, body == null ? Map.of() : body, deliveries);
    }

    /**
     * Hands a batch to the handler. Returns true if any entry failed (it stays pending). A Redis outage inside the
     * handler aborts the batch: the rest would fail the same way, and they are re-read after the reconnect.
     */
    private boolean process(List<StreamEntry> batch) {
        if (batch.isEmpty()) {
            return false;
        }
        boolean failed = false;
        boolean ready = true;
        try {
            // Only the entries that will reach handle(): a handler may start their script calls here (pipelined),
            // so an entry about to be dead-lettered must never be among them.
            List<StreamEntry> toHandle = new ArrayList<>(batch.size());
            for (StreamEntry entry : batch) {
                if (goesToHandler(entry)) {
                    toHandle.add(entry);
                }
            }
            handler.beforeBatch(toHandle);
        } catch (Exception e) {
            rethrowOutage(e);
            log.error("Preparing a batch of {} entries of {} failed - they stay pending", batch.size(),
                    settings.stream(), e);
            failed = true;
            ready = false;
        }
        for (StreamEntry entry : batch) {
            try {
                if (entry.fields().isEmpty()) {
                    handler.deadLetter(entry, DeadLetterReason.ENTRY_DELETED);
                } else if (!goesToHandler(entry)) {
                    handler.deadLetter(entry, DeadLetterReason.MAX_DELIVERIES_EXCEEDED);
                } else if (ready) {
                    handler.handle(entry);
                }
            } catch (Exception e) {
                rethrowOutage(e);
                failed = true;
                if (e instanceof RedisException) {
                    log.warn("Entry {} of {} failed (delivery {}): {} - left pending", entry.id(), settings.stream(),
                            entry.deliveries(), connector.describe(e));
                } else {
                    log.error("Entry {} of {} failed (delivery {}) - left pending", entry.id(), settings.stream(),
                            entry.deliveries(), e);
                }
            }
        }
        return failed;
    }

    private boolean goesToHandler(StreamEntry entry) {
        return !entry.fields().isEmpty() && entry.deliveries() <= settings.maxDeliveries();
    }

    private static void rethrowOutage(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new RedisException("interrupted", e);
        }
        if (e instanceof RedisException && !(e instanceof RedisCommandExecutionException)) {
            throw (RedisException) e;
        }
    }

    private void loopCompleted() {
        lastLoopAt = clock.instant();
    }

    private void pause(Duration wait) throws InterruptedException {
        stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
