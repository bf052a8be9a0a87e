package io.quantumgates.heatgate.heat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest snapshot per symbol and Σ |notional| × sigma, kept exactly (BigDecimal, so thousands of updates leave no
 * floating residue) and updated in O(1) per snapshot. Symbols whose latest snapshot is older than the max age drop
 * out. Thread-safe: the snapshot reader writes while the proposal consumer reads.
 */
public final class PortfolioView {
    /** A held symbol: its notional, its own sigma (0 = none) and the entry time of its latest snapshot. */
    private record Position(BigDecimal notional, BigDecimal ownSigma, long atMillis, BigDecimal contribution) {}

    private final long maxAgeMillis;
    // Insertion order = snapshot time order (re-inserted on each update), so ageing only looks at the head.
    private final LinkedHashMap<String, Position> positions = new LinkedHashMap<>();
    private final Map<String, BigDecimal> proposalSigma = new HashMap<>();
    private BigDecimal weighted = BigDecimal.ZERO;
    private long invalidSnapshots;

    public PortfolioView(long maxAgeMillis) {
        this.maxAgeMillis = maxAgeMillis;
    }

    /**
     * Applies one snapshot entry.
     *
     * @param entryMillis time part of the entry id
     * @return the update as understood (so the caller can count an {@link SnapshotUpdate.Invalid})
     */
    public synchronized SnapshotUpdate apply(Map<String, String> fields, long entryMillis) {
        SnapshotUpdate update = SnapshotUpdate.parse(fields);
        if (update instanceof SnapshotUpdate.Held h) {
            hold(h, entryMillis);
        } else if (update instanceof SnapshotUpdate.Flat f) {
            remove(f.symbol());
        } else {
            invalidSnapshots++;
        }
        return update;
    }

    /** A proposal's {@code sigma} (> 0): the symbol's sigma when its snapshots carry none. */
    public synchronized void proposalSigma(String symbol, BigDecimal sigma) {
        if (sigma.signum() <= 0) {
            return;
        }
        proposalSigma.put(symbol, sigma);
        Position p = positions.get(symbol);
        if (p != null && p.ownSigma().signum() == 0) {
            // Re-weigh in place: keeps the symbol's age position, which only snapshots move.
            BigDecimal contribution = p.notional().multiply(sigma);
            weighted = weighted.subtract(p.contribution()).add(contribution);
            positions.replace(symbol, new Position(p.notional(), p.ownSigma(), p.atMillis(), contribution));
        }
    }

    /** Drops symbols whose latest snapshot is older than the max age at {@code nowMillis}, then sums. */
    public synchronized Exposure exposure(long nowMillis) {
        expire(nowMillis);
        return new Exposure(weighted, positions.size());
    }

    public synchronized long invalidSnapshots() {
        return invalidSnapshots;
    }

    private void hold(SnapshotUpdate.Held h, long entryMillis) {
        Position old = positions.get(h.symbol());
        if (old != null && old.atMillis() > entryMillis) {
            return; // an older entry than the one we hold: the latest wins
        }
        remove(h.symbol());
        BigDecimal sigma = h.sigma().signum() > 0 ? h.sigma() : proposalSigma.getOrDefault(h.symbol(), BigDecimal.ZERO);
        BigDecimal contribution = h.notional().multiply(sigma);
        positions.put(h.symbol(), new Position(h.notional(), h.sigma(), entryMillis, contribution));
        weighted = weighted.add(contribution);
    }

    private void remove(String symbol) {
        Position old = positions.remove(symbol);
        if (old != null) {
            weighted = weighted.subtract(old.contribution());
        }
    }

    private void expire(long nowMillis) {
        long oldest = nowMillis - maxAgeMillis;
        Iterator<Position> it = positions.values().iterator();
        while (it.hasNext()) {
            Position p = it.next();
            if (p.atMillis() >= oldest) {
                break;
            }
            it.remove();
            weighted = weighted.subtract(p.contribution());
        }
        if (positions.isEmpty()) {
            weighted = BigDecimal.ZERO; // keep the scale from growing over a long run
        }
    }
}
