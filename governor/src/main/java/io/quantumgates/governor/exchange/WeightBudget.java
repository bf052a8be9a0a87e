package io.quantumgates.governor.exchange;

import java.util.ArrayDeque;
import java.util.Deque;

/** Our own weight spent in the last rolling minute; a cycle waits until it fits under the cap. Pure (time passed in). */
final class WeightBudget {
    static final long WINDOW_MS = 60_000;

    private final int capPerMinute;
    private final Deque<long[]> spent = new ArrayDeque<>();
    private int inWindow;

    WeightBudget(int capPerMinute) {
        this.capPerMinute = capPerMinute;
    }

    synchronized void spend(long nowMs, int weight) {
        expire(nowMs);
        spent.addLast(new long[] {nowMs, weight});
        inWindow += weight;
    }

    synchronized int usedInWindow(long nowMs) {
        expire(nowMs);
        return inWindow;
    }

    /** 0 when {@code weight} fits now, else how long until enough old spending leaves the window. */
    synchronized long waitMsFor(long nowMs, int weight) {
        expire(nowMs);
        int over = inWindow + weight - capPerMinute;
        if (over <= 0) {
            return 0;
        }
        int freed = 0;
        for (long[] s : spent) {
            freed += (int) s[1];
            if (freed >= over) {
                return s[0] + WINDOW_MS - nowMs;
            }
        }
        return WINDOW_MS;
    }

    private void expire(long nowMs) {
        while (!spent.isEmpty() && spent.peekFirst()[0] <= nowMs - WINDOW_MS) {
            inWindow -= (int) spent.pollFirst()[1];
        }
    }
}
