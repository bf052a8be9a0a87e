package io.quantumgates.governor.exchange;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * An instance's read of the installed snapshot (for pre-screening, logs, {@code status} and the snapshot-age
 * gauge; the decide script re-reads Redis itself). Age = Redis {@code TIME} − {@code installed_at_ms} +
 * {@code fetch_ms} (contract §3.8), so skewed hosts agree. Pure: built from what {@link ExchangeViewReader} read.
 */
public record ExchangeView(
        OptionalLong installedAtMs,
        long fetchMs,
        String status,
        String lastError,
        int positionsOpen,
        BigDecimal totalNotional,
        BigDecimal walletBalance,
        BigDecimal availableBalance,
        OptionalLong pausedUntilMs,
        Optional<String> notionalUnknown,
        Map<String, BigDecimal> marks,
        long redisNowMs) {

    /** No snapshot was ever installed (or Redis lost it). */
    public boolean absent() {
        return installedAtMs.isEmpty();
    }

    /** Snapshot age in ms, empty when there is none. */
    public OptionalLong ageMs() {
        return installedAtMs.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(redisNowMs - installedAtMs.getAsLong() + fetchMs);
    }

    /** Usable for decisions: present, complete and no older than {@code maxAgeMs} (judged by age alone). */
    public boolean usable(long maxAgeMs) {
        return ageMs().isPresent() && ageMs().getAsLong() <= maxAgeMs && notionalUnknown.isEmpty();
    }

    public Optional<BigDecimal> mark(String symbol) {
        return Optional.ofNullable(marks.get(symbol));
    }

    /** Parses the meta and marks hashes; unreadable numbers count as absent, never as zero money. */
    public static ExchangeView of(Map<String, String> meta, Map<String, String> marks, long redisNowMs) {
        Map<String, BigDecimal> parsedMarks = new TreeMap<>();
        marks.forEach((symbol, value) -> decimal(value).ifPresent(m -> parsedMarks.put(symbol, m)));
        return new ExchangeView(
                longValue(meta.get("installed_at_ms")),
                longValue(meta.get("fetch_ms")).orElse(0),
                meta.getOrDefault("status", ""),
                meta.getOrDefault("last_error", ""),
                (int) longValue(meta.get("positions_open")).orElse(0),
                decimal(meta.get("total_notional")).orElse(BigDecimal.ZERO),
                decimal(meta.get("wallet_balance")).orElse(BigDecimal.ZERO),
                decimal(meta.get("available_balance")).orElse(BigDecimal.ZERO),
                longValue(meta.get("paused_until_ms")),
                Optional.ofNullable(meta.get("notional_unknown")).filter(s -> !s.isEmpty()),
                Map.copyOf(parsedMarks),
                redisNowMs);
    }

    private static OptionalLong longValue(String s) {
        if (s == null || s.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Optional<BigDecimal> decimal(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
