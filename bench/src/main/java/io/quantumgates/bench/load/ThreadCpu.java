package io.quantumgates.bench.load;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The busiest daemon threads over a window, as % of one core. */
final class ThreadCpu {
    private ThreadCpu() {}

    static String top(Map<String, Long> before, Map<String, Long> after, double seconds, int limit) {
        if (seconds <= 0) {
            return "";
        }
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .limit(limit)
                .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), e.getValue() / seconds))
                .collect(Collectors.joining(", "));
    }
}
