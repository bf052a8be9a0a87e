package io.quantumgates.heatgate;

import io.quantumgates.heatgate.heat.Heat;
import io.quantumgates.heatgate.heat.HeatStatus;

/**
 * Decides when a fail-closed heat is worth a log line: when the status changes, and at most once a minute while it
 * lasts, so a missing portfolio hash does not print one WARNING per proposal.
 */
final class FailClosedWarnings {
    static final long INTERVAL_MILLIS = 60_000;
    private HeatStatus last = HeatStatus.OK;
    private long lastPrintedAt = Long.MIN_VALUE;

    /** @return true if this heat's fail-closed line should be printed now */
    synchronized boolean shouldPrint(Heat heat, long nowMillis) {
        HeatStatus status = heat.status();
        boolean changed = status != last;
        last = status;
        if (!status.failClosed()) {
            return false;
        }
        if (changed || nowMillis - lastPrintedAt >= INTERVAL_MILLIS) {
            lastPrintedAt = nowMillis;
            return true;
        }
        return false;
    }
}
