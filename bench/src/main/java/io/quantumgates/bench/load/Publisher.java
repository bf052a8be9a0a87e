package io.quantumgates.bench.load;

import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * XADDs the tracked entries at a fixed rate (or as fast as possible, rate 0) with a bounded number in flight on one
 * pipelined connection, so the publisher is never the bottleneck and never builds an unbounded backlog. Stamps each
 * entry's send time (nanoTime, just before the XADD is written) and its entry id time from the reply.
 */
final class Publisher {
    private static final int MAX_IN_FLIGHT = 256;

    private final RedisAsyncCommands<String, String> redis;
    private final int rate;
    private final AtomicInteger failures = new AtomicInteger();
    private long firstSent;
    private long lastSent;

    Publisher(RedisAsyncCommands<String, String> redis, int rate) {
        this.redis = redis;
        this.rate = rate;
    }

    void run(Workload workload, Tracker tracker) throws InterruptedException {
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long start = System.nanoTime();
        double interval = rate > 0 ? 1e9 / rate : 0;
        for (int i = 0; i < tracker.count; i++) {
            if (rate > 0) {
                long due = start + (long) (i * interval);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            for (Workload.Side side : workload.sideEntries(i)) {
                inFlight.acquire();
                redis.xadd(side.stream(), side.fields()).whenComplete((id, error) -> done(inFlight, error));
            }
            var fields = workload.entry(i, tracker.planId(i));
            inFlight.acquire();
            final int index = i;
            tracker.sentNanos[i] = System.nanoTime();
            redis.xadd(workload.inputStream(), fields).whenComplete((id, error) -> {
                if (id != null) {
                    tracker.inIdMillis[index] = Ids.millis(id);
                }
                done(inFlight, error);
            });
        }
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("XADD replies did not arrive within 30 s");
        }
        firstSent = tracker.count == 0 ? start : tracker.sentNanos[0];
        lastSent = tracker.count == 0 ? start : tracker.sentNanos[tracker.count - 1];
    }

    private void done(Semaphore inFlight, Throwable error) {
        if (error != null) {
            failures.incrementAndGet();
        }
        inFlight.release();
    }

    int failures() {
        return failures.get();
    }

    long firstSentNanos() {
        return firstSent;
    }

    long lastSentNanos() {
        return lastSent;
    }
}
