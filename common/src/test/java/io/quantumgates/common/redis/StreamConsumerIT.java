package io.quantumgates.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.RedisSettings;
import io.quantumgates.common.config.Secret;
import io.quantumgates.common.redis.RecordingHandler.DeadLetter;
import io.quantumgates.testkit.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StreamConsumerIT {
    private static final String STREAM = "test:stream";
    private static final String OUTCOMES = "test:outcomes";
    private static final String GROUP = "workers";
    @RegisterExtension
    static final RedisServerExtension redisServer = new RedisServerExtension();

    private RedisConnector connector;
    private RecordingHandler handler;
    private final List<StreamConsumer> consumers = new ArrayList<>();

    @BeforeEach
    void connect() {
        connector = new RedisConnector(new RedisSettings(
                redisServer.server().host(), redisServer.server().port(), 0, "", Secret.empty(), false));
        handler = new RecordingHandler(connector.shared().sync(), OUTCOMES);
    }

    @AfterEach
    void disconnect() {
        consumers.forEach(c -> c.stop(Duration.ofSeconds(5)));
        connector.close();
    }

    @Test
    void groupIsCreatedWithItsStreamAndAnExistingGroupIsFine() {
        StreamConsumer consumer = consumer("c1", 5, Duration.ofMinutes(1));

        assertThat(consumer.ensureGroup()).isTrue();
        assertThat(consumer.ensureGroup()).isFalse();
        assertThat(redis().exists(STREAM)).isEqualTo(1L);
        assertThat(redis().xinfoGroups(STREAM)).hasSize(1);
    }

    @Test
    void entriesAreHandledExactlyOnceInOrderAndAckedByTheHandler() {
        StreamConsumer consumer = started("c1", 5, Duration.ofMinutes(1));
        List<String> ids = add(45);

        await().until(() -> handler.handled.size() >= ids.size());
        await().until(() -> consumer.lastLoopAt().isAfter(Instant.now().minusMillis(100)));

        assertThat(handler.handledIds()).isEqualTo(ids);
        assertThat(handler.handled).allSatisfy(e -> assertThat(e.deliveries()).isEqualTo(1));
        assertThat(handler.handled.get(0).fields()).containsExactly(Map.entry("n", "0"), Map.entry("kind", "plain"));
        assertThat(pendingCount()).isZero();
        assertThat(redis().xlen(OUTCOMES)).isEqualTo(ids.size());
        assertThat(handler.deadLetters).isEmpty();
    }

    @Test
    void failedEntryIsNotAckedAndStaysPending() {
        started("c1", 1000, Duration.ofMinutes(1));
        String poison = redis().xadd(STREAM, Map.of("poison", "1"));
        String good = redis().xadd(STREAM, Map.of("n", "1"));

        await().until(() -> handler.handledIds().contains(good));
        await().until(() -> handler.attempts.stream().filter(poison::equals).count() >= 2);

        assertThat(redis().xpending(STREAM, GROUP).getCount()).isEqualTo(1L);
        assertThat(redis().xpending(STREAM, GROUP).getMessageIds().getLower().getValue()).isEqualTo(poison);
        assertThat(handler.handledIds()).containsExactly(good);
        assertThat(handler.deadLetters).isEmpty();
    }

    @Test
    void poisonEntryIsDeadLetteredAfterMaxDeliveriesAndNeverHandledAgain() {
        started("c1", 3, Duration.ofMinutes(1));
        String poison = redis().xadd(STREAM, Map.of("poison", "1"));

        await().until(() -> !handler.deadLetters.isEmpty());
        String after = redis().xadd(STREAM, Map.of("n", "1"));
        await().until(() -> handler.handledIds().contains(after));

        assertThat(handler.deadLetters)
                .containsExactly(new DeadLetter(poison, DeadLetterReason.MAX_DELIVERIES_EXCEEDED, 4));
        assertThat(handler.attempts.stream().filter(poison::equals).count()).isEqualTo(3);
        // a handler may pipeline its scripts from beforeBatch: the dead-lettered delivery must not reach it there
        assertThat(handler.prepared.stream().filter(poison::equals).count()).isEqualTo(3);
        assertThat(pendingCount()).isZero();
    }

    @Test
    void entryTrimmedWhilePendingIsDeadLetteredAsDeleted() {
        RedisCommands<String, String> redis = redis();
        handler.beforeHandle = entry -> {
            if ("1".equals(entry.fields().get("poison"))) {
                redis.xtrim(STREAM, 0); // the producer's MAXLEN removed it while it was pending
            }
        };
        // No XAUTOCLAIM after the first pass: the own-pending re-read must find the entry without fields.
        StreamConsumer consumer = consumer("c1", 5, Duration.ofMinutes(1), Duration.ofMinutes(10));
        consumer.ensureGroup();
        consumer.start();
        String doomed = redis.xadd(STREAM, Map.of("poison", "1"));

        await().until(() -> !handler.deadLetters.isEmpty());

        assertThat(handler.deadLetters).containsExactly(new DeadLetter(doomed, DeadLetterReason.ENTRY_DELETED, 1));
        assertThat(handler.attempts).containsExactly(doomed);
        assertThat(pendingCount()).isZero();
    }

    @Test
    void entryTrimmedInADeadConsumersPendingListIsDeadLetteredAsDeletedWhenClaimed() {
        consumer("dead", 5, Duration.ofMillis(300)).ensureGroup();
        String doomed = add(1).get(0);
        assertThat(readAs("dead")).hasSize(1);
        redis().xtrim(STREAM, 0);

        started("alive", 5, Duration.ofMillis(300));

        await().until(() -> !handler.deadLetters.isEmpty());
        assertThat(handler.deadLetters).containsExactly(new DeadLetter(doomed, DeadLetterReason.ENTRY_DELETED, 0));
        assertThat(handler.attempts).isEmpty();
        assertThat(pendingCount()).isZero();
    }

    @Test
    void deadConsumersPendingEntriesAreReclaimedAfterClaimIdle() {
        consumer("dead", 5, Duration.ofMillis(300)).ensureGroup();
        List<String> ids = add(3);
        List<StreamMessage<String, String>> taken = readAs("dead");
        assertThat(taken).hasSize(3);

        started("alive", 5, Duration.ofMillis(300));

        await().until(() -> handler.handled.size() >= 3);
        assertThat(handler.handledIds()).isEqualTo(ids);
        assertThat(handler.handled).allSatisfy(e -> assertThat(e.deliveries()).isEqualTo(2));
        assertThat(pendingCount()).isZero();
    }

    @Test
    void ownPendingEntriesAreHandledFirstAfterAConsumerRestart() {
        consumer("c1", 5, Duration.ofMinutes(1)).ensureGroup();
        List<String> crashedWith = add(2);
        assertThat(readAs("c1")).hasSize(2); // read, then the process died before acking
        String fresh = redis().xadd(STREAM, Map.of("n", "fresh"));

        started("c1", 5, Duration.ofMinutes(1));

        await().until(() -> handler.handled.size() >= 3);
        assertThat(handler.handledIds()).containsExactly(crashedWith.get(0), crashedWith.get(1), fresh);
        assertThat(handler.handled.stream().map(StreamEntry::deliveries)).containsExactly(2L, 2L, 1L);
    }

    @Test
    void ownPendingEntriesAreReadAgainAfterTheConnectionDrops() {
        StreamConsumer consumer = started("c1", 5, Duration.ofMinutes(1));
        await().until(() -> consumer.lastLoopAt().isAfter(Instant.EPOCH));
        // An entry lands in c1's pending list without the loop seeing it, as when a read's reply is lost. One
        // script, so the loop's blocked read cannot get it first.
        LuaScript addAndTake = LuaScript.of("add-and-take", "local id = redis.call('XADD', KEYS[1], '*', 'n', '1')\n"
                + "redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', '1', 'STREAMS', KEYS[1], '>')\n"
                + "return id");
        String unseen = addAndTake.eval(redis(), io.lettuce.core.ScriptOutputType.VALUE, List.of(STREAM), List.of(GROUP, "c1"));
        assertThat(redis().xpending(STREAM, GROUP).getCount()).isEqualTo(1L);

        redis().clientKill(io.lettuce.core.KillArgs.Builder.typeNormal().skipme());

        await().until(() -> handler.handledIds().contains(unseen));
        assertThat(handler.handled).singleElement().satisfies(e -> assertThat(e.deliveries()).isEqualTo(2));
    }

    @Test
    void consumerKeepsItsPlaceAcrossARedisKillAndRestart() {
        StreamConsumer consumer = consumer("c1", 5, Duration.ofMinutes(1));
        consumer.ensureGroup();
        consumer.start();
        String before = redis().xadd(STREAM, Map.of("n", "before"));
        await().until(() -> handler.handledIds().contains(before));

        redisServer.server().kill();
        redisServer.server().restart();

        await().until(() -> handler.groupRecreated.get() == 1);
        assertThat(connector.awaitAvailable()).isTrue();
        String after = redis().xadd(STREAM, Map.of("n", "after"));
        await().until(() -> handler.handledIds().contains(after));
        assertThat(handler.handledIds()).containsExactly(before, after);
        assertThat(handler.groupRecreated.get()).isEqualTo(1);
        assertThat(pendingCount()).isZero();
    }

    @Test
    void consumerCarriesOnAfterRedisIsPaused() throws Exception {
        started("c1", 5, Duration.ofMinutes(1));
        String before = redis().xadd(STREAM, Map.of("n", "before"));
        await().until(() -> handler.handledIds().contains(before));

        redisServer.server().pause(1500);
        // Sent during the pause; Redis runs it when the pause ends.
        String after;
        try (var other = connector.connect()) {
            after = other.async().xadd(STREAM, Map.of("n", "after")).get(10, TimeUnit.SECONDS);
        }

        await().until(() -> handler.handledIds().contains(after));
        assertThat(handler.handledIds()).containsExactly(before, after);
    }

    @Test
    void stopFinishesTheBatchInHandAndReturns() throws Exception {
        CountDownLatch firstHandled = new CountDownLatch(1);
        handler.beforeHandle = entry -> {
            firstHandled.countDown();
            sleep(30);
        };
        List<String> ids = add(10);
        StreamConsumer consumer = started("c1", 5, Duration.ofMinutes(1));
        assertThat(firstHandled.await(10, TimeUnit.SECONDS)).isTrue();

        consumer.stop(Duration.ofSeconds(5));

        assertThat(handler.handledIds()).isEqualTo(ids);
        assertThat(pendingCount()).isZero();
    }

    private StreamConsumer consumer(String name, int maxDeliveries, Duration claimIdle) {
        return consumer(name, maxDeliveries, claimIdle, Duration.ofMillis(150));
    }

    private StreamConsumer consumer(String name, int maxDeliveries, Duration claimIdle, Duration claimEvery) {
        StreamConsumer consumer = new StreamConsumer(
                connector,
                new StreamConsumerSettings(
                        STREAM, GROUP, name, "0", 10, Duration.ofMillis(200), claimIdle, claimEvery, maxDeliveries),
                handler);
        consumers.add(consumer);
        return consumer;
    }

    private StreamConsumer started(String name, int maxDeliveries, Duration claimIdle) {
        StreamConsumer consumer = consumer(name, maxDeliveries, claimIdle);
        consumer.ensureGroup();
        consumer.start();
        return consumer;
    }

    private List<String> add(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(redis().xadd(STREAM, "n", Integer.toString(i), "kind", "plain"));
        }
        return ids;
    }

    private List<StreamMessage<String, String>> readAs(String consumerName) {
        return redis().xreadgroup(
                Consumer.from(GROUP, consumerName), XReadArgs.Builder.count(100), StreamOffset.lastConsumed(STREAM));
    }

    private long pendingCount() {
        return redis().xpending(STREAM, GROUP).getCount();
    }

    private RedisCommands<String, String> redis() {
        return connector.shared().sync();
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
