package io.quantumgates.bench.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * Per tracked entry: when it was sent, its input entry id time, when its outcome arrived and its outcome entry id
 * time. Arrays indexed by the number embedded in the plan id, so recording costs no allocation or hashing. The
 * publisher writes {@code sent*}, the reader writes {@code arrived*}; they are read only after both threads ended.
 */
final class Tracker {
    private final String prefix;
    final int count;
    final long[] sentNanos;
    final long[] inIdMillis;
    final long[] arrivedNanos;
    final long[] outIdMillis;
    final int[] seen;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int distinct;
    private int duplicates;
    private volatile int distinctPublished;

    Tracker(String runTag, int count) {
        this.prefix = runTag + "-";
        this.count = count;
        this.sentNanos = new long[count];
        this.inIdMillis = new long[count];
        this.arrivedNanos = new long[count];
        this.outIdMillis = new long[count];
        this.seen = new int[count];
    }

    String planId(int i) {
        return prefix + i;
    }

    /** Reader thread only. Returns false for an entry that is not ours (another run, another producer). */
    boolean recordOutcome(String planId, long arrivedAt, long outIdMs, String outcome) {
        if (planId == null || !planId.startsWith(prefix)) {
            return false;
        }
        int i;
        try {
            i = Integer.parseInt(planId, prefix.length(), planId.length(), 10);
        } catch (NumberFormatException e) {
            return false;
        }
        if (i < 0 || i >= count) {
            return false;
        }
        if (seen[i]++ == 0) {
            arrivedNanos[i] = arrivedAt;
            outIdMillis[i] = outIdMs;
            distinct++;
            distinctPublished = distinct;
            outcomes.merge(outcome, 1, Integer::sum);
        } else {
            duplicates++;
        }
        return true;
    }

    /** Safe from any thread (approximate while the reader runs). */
    int distinctSeen() {
        return distinctPublished;
    }

    int duplicates() {
        return duplicates;
    }

    int missing() {
        return count - distinct;
    }

    Map<String, Integer> outcomes() {
        return outcomes;
    }
}
