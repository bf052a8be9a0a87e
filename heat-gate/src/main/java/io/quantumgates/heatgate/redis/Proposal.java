package io.quantumgates.heatgate.redis;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A decoded {@code quantum:stream:harvest.proposal} entry.
 *
 * @param planId as sent, else {@code p26-{entryId}}
 * @param action from {@code action}, else {@code harvest_action}, trimmed
 * @param sigma the proposal's {@code sigma} when > 0
 * @param fields every input field, in stream order
 */
public record Proposal(
        String entryId,
        long entryMillis,
        String planId,
        String symbol,
        String action,
        String traceId,
        Optional<BigDecimal> sigma,
        Map<String, String> fields) {}
