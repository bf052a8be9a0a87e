package io.quantumgates.governor.exchange;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.binance.Account;
import io.quantumgates.common.binance.BinanceClient;
import io.quantumgates.common.binance.BinanceError;
import io.quantumgates.common.binance.BinanceException;
import io.quantumgates.common.binance.MarkPrice;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background thread per Governor that keeps the exchange snapshot in Redis fresh (contract §3.8, §5). Every
 * instance runs one, but only the holder of {@code quantum:governor:exchange:lease} calls Binance, so the exchange
 * weight depends on the poll period alone, never on plan rate or instance count. A failed cycle only marks the
 * snapshot {@code status=error}; the decide script judges it by age.
 */
public final class ExchangePoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExchangePoller.class);
    private static final long ERROR_LOG_EVERY_MS = 10_000;
    private static final long SLOWDOWN_LOG_EVERY_MS = 60_000;

    private final BinanceClient client;
    private final SnapshotStore store;
    private final ExchangePollerSettings settings;
    private final InstantSource clock;
    private final ExchangeMetrics metrics;
    private final WeightBudget budget = new WeightBudget(ExchangePollerSettings.OWN_WEIGHT_PER_MINUTE);
    private final PausePolicy pausePolicy = new PausePolicy();
    private final Map<BinanceError, Long> lastErrorLogMs = new EnumMap<>(BinanceError.class);
    private final Object wake = new Object();
    private final Thread thread;

    private volatile boolean running;
    private volatile boolean holding;
    private long pausedUntilMs;
    private long nextCycleAtMs;
    private long lastSlowdownLogMs = Long.MIN_VALUE;
    private long lastRedisLogMs = Long.MIN_VALUE;

    public ExchangePoller(
            BinanceClient client,
            RedisCommands<String, String> redis,
            ExchangePollerSettings settings,
            InstantSource clock,
            ExchangeMetrics metrics) {
        this.client = client;
        this.store = new SnapshotStore(redis, settings.instance());
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.thread = new Thread(this::loop, "exchange-poller");
        this.thread.setDaemon(true);
        client.onRequest(this::requested);
    }

    /** Starts the background thread. */
    public void start() {
        running = true;
        thread.start();
    }

    /** True while this instance holds the lease (it is the one calling the exchange). */
    public boolean holdsLease() {
        return holding;
    }

    /** Stops the thread and hands the lease over at once (instead of after its PX). */
    @Override
    public void close() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (holding) {
            try {
                store.releaseLease();
            } catch (RedisException e) {
                log.warn("Could not release the exchange lease ({}); it lapses by itself", e.getMessage());
            }
            holding = false;
        }
    }

    private void loop() {
        long tick = Math.max(50, Math.min(settings.basePeriodMs(), settings.leaseMs() / 3));
        while (running) {
            try {
                step();
            } catch (RedisException e) {
                holding = false;
                long now = clock.millis();
                if (now - lastRedisLogMs >= ERROR_LOG_EVERY_MS) {
                    lastRedisLogMs = now;
                    log.warn("Exchange poller: Redis error ({}) - retrying", e.getMessage());
                }
            } catch (RuntimeException e) {
                log.error("Exchange poller: unexpected error", e);
            }
            long now = clock.millis();
            long untilNext = nextCycleAtMs - now;
            if (pausedUntilMs > now) {
                untilNext = pausedUntilMs - now;
            }
            sleep(Math.max(1, Math.min(tick, untilNext)));
        }
    }

    /** One wake-up: renew or take the lease, then run a cycle if one is due and allowed. */
    private void step() {
        long now = clock.millis();
        if (!store.holdLease(settings.leaseMs())) {
            if (holding) {
                log.info("Exchange poller {}: lease lost to another instance", settings.instance());
            }
            holding = false;
            return;
        }
        if (!holding) {
            holding = true;
            nextCycleAtMs = now;
            log.info("Exchange poller {}: holding the exchange lease", settings.instance());
        }
        if (now < pausedUntilMs) {
            store.paused(pausedUntilMs); // keep the lease and the pause visible, call nothing
            return;
        }
        if (now < nextCycleAtMs) {
            return;
        }
        // +1 for the time sync a cycle may need: never exceed our own minute budget, even by one call
        long wait = budget.waitMsFor(now, ExchangePollerSettings.CYCLE_WEIGHT + 1);
        if (wait > 0) {
            nextCycleAtMs = now + wait;
            return;
        }
        nextCycleAtMs = now + cycle(now);
    }

    /** Fetches account and marks and installs them; returns the period until the next cycle. */
    private long cycle(long startedMs) {
        long startNanos = System.nanoTime();
        try {
            Account account = client.account();
            if (!store.holdLease(settings.leaseMs())) {
                holding = false;
                return settings.basePeriodMs(); // a slow call let the lease lapse; the new holder polls
            }
            List<MarkPrice> marks = client.markPrices();
            long fetchMs = (System.nanoTime() - startNanos) / 1_000_000;
            ExchangeSnapshot snapshot = ExchangeSnapshot.of(account, marks);
            OptionalInt used = client.lastUsedWeight();
            long sinceStart = (System.nanoTime() - startNanos) / 1_000_000 + 1;
            SnapshotStore.Installed installed = store.install(
                    snapshot, fetchMs, sinceStart, used.isPresent() ? OptionalLong.of(used.getAsInt()) : OptionalLong.empty());
            if (!installed.installed()) {
                holding = false;
            } else if (installed.released() > 0) {
                log.debug("Exchange snapshot released {} filled reservation(s)", installed.released());
            }
            pausePolicy.succeeded();
        } catch (BinanceException e) {
            failed(e, startedMs);
        }
        return period();
    }

    private void failed(BinanceException e, long nowMs) {
        Optional<Duration> pause = pausePolicy.pauseFor(e, nowMs);
        OptionalLong pausedUntil = OptionalLong.empty();
        if (pause.isPresent()) {
            pausedUntilMs = clock.millis() + pause.get().toMillis();
            pausedUntil = OptionalLong.of(pausedUntilMs);
            if (e.error() == BinanceError.RATE_LIMITED) {
                log.warn("Binance rate limit (HTTP 429): pausing {}s", PausePolicy.seconds(pause.get()));
            } else {
                log.error("Binance IP ban (HTTP 418): pausing {}s", PausePolicy.seconds(pause.get()));
            }
        } else {
            Long last = lastErrorLogMs.get(e.error());
            if (last == null || nowMs - last >= ERROR_LOG_EVERY_MS) {
                lastErrorLogMs.put(e.error(), nowMs);
                log.error(e.getMessage());
            }
        }
        store.failed(LastError.of(e.error()), pausedUntil);
    }

    private long period() {
        OptionalInt used = client.lastUsedWeight();
        long period = PollPacing.periodMs(settings, used);
        if (period > settings.basePeriodMs()) {
            long now = clock.millis();
            if (lastSlowdownLogMs == Long.MIN_VALUE || now - lastSlowdownLogMs >= SLOWDOWN_LOG_EVERY_MS) {
                lastSlowdownLogMs = now;
                log.warn("Binance used weight {}/2400 (X-MBX-USED-WEIGHT-1M) - exchange poll slowed to {}ms",
                        used.getAsInt(), period);
            }
        }
        return period;
    }

    private void requested(String endpoint, String status) {
        budget.spend(clock.millis(), weightOf(endpoint));
        metrics.requested(endpoint, status);
        client.lastUsedWeight().ifPresent(metrics::weightUsed);
    }

    /** Binance's documented weights for the calls the client makes. */
    static int weightOf(String endpoint) {
        return switch (endpoint) {
            case "/fapi/v1/premiumIndex" -> 10;
            case "/fapi/v3/account", "/fapi/v2/account" -> 5;
            default -> 1;
        };
    }

    /** Own weight spent in the last rolling minute. */
    int ownWeightLastMinute() {
        return budget.usedInWindow(clock.millis());
    }

    private void sleep(long ms) {
        synchronized (wake) {
            if (!running) {
                return;
            }
            try {
                wake.wait(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
