package io.quantumgates.governor.daemon;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Bounds the {@code symbol} label: validated symbols, at most {@code limit} per process, then {@code OTHER}. */
final class SymbolLabels {
    static final String OTHER = "OTHER";
    static final String INVALID = "INVALID";
    private final int limit;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    SymbolLabels(int limit) {
        this.limit = limit;
    }

    String label(String symbol, boolean valid) {
        if (!valid) {
            return INVALID;
        }
        if (seen.contains(symbol)) {
            return symbol;
        }
        synchronized (this) {
            if (seen.size() < limit) {
                seen.add(symbol);
                return symbol;
            }
        }
        return OTHER;
    }

    Set<String> seen() {
        return Set.copyOf(seen);
    }
}
