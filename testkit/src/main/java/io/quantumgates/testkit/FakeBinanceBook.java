package io.quantumgates.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The fake exchange's account: wallet, positions (symbol → amount) and marks. Thread-safe by monitor. */
final class FakeBinanceBook {
    /** A held position as the endpoints render it. */
    record Held(String symbol, BigDecimal amt, BigDecimal mark) {
        BigDecimal notional() {
            return amt.multiply(mark);
        }
    }

    /** One consistent copy, so an answer never mixes two states. */
    record Snapshot(BigDecimal wallet, BigDecimal available, Map<String, Held> positions, Map<String, BigDecimal> marks) {
        BigDecimal totalNotional() {
            return positions.values().stream().map(h -> h.notional().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private BigDecimal wallet = BigDecimal.ZERO;
    private BigDecimal available = BigDecimal.ZERO;
    private final Map<String, BigDecimal> positions = new TreeMap<>();
    private final Map<String, BigDecimal> marks = new TreeMap<>();

    synchronized void setWallet(BigDecimal walletBalance, BigDecimal availableBalance) {
        wallet = walletBalance;
        available = availableBalance;
    }

    synchronized void setPosition(String symbol, BigDecimal amt, BigDecimal mark) {
        marks.put(symbol, mark);
        if (amt.signum() == 0) {
            positions.remove(symbol);
        } else {
            positions.put(symbol, amt);
        }
    }

    synchronized void setMark(String symbol, BigDecimal mark) {
        marks.put(symbol, mark);
    }

    synchronized void clearPositions() {
        positions.clear();
    }

    synchronized Optional<BigDecimal> mark(String symbol) {
        return Optional.ofNullable(marks.get(symbol));
    }

    synchronized void replace(JsonNode root) {
        BigDecimal newWallet = decimal(root, "wallet");
        BigDecimal newAvailable = decimal(root, "available");
        Map<String, BigDecimal> newPositions = new TreeMap<>();
        Map<String, BigDecimal> newMarks = new TreeMap<>();
        for (JsonNode p : root.path("positions")) {
            String symbol = p.path("symbol").asText("");
            if (symbol.isEmpty()) {
                throw new IllegalArgumentException("FakeBinance state: a position without symbol");
            }
            BigDecimal amt = decimal(p, "positionAmt");
            newMarks.put(symbol, decimal(p, "markPrice"));
            if (amt.signum() != 0) {
                newPositions.put(symbol, amt);
            }
        }
        root.path("marks").fields().forEachRemaining(e -> newMarks.put(e.getKey(), new BigDecimal(e.getValue().asText())));
        wallet = newWallet;
        available = newAvailable;
        positions.clear();
        positions.putAll(newPositions);
        marks.clear();
        marks.putAll(newMarks);
    }

    synchronized Snapshot snapshot() {
        Map<String, Held> held = new TreeMap<>();
        positions.forEach((s, amt) -> held.put(s, new Held(s, amt, marks.getOrDefault(s, BigDecimal.ZERO))));
        return new Snapshot(wallet, available, held, new TreeMap<>(marks));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("FakeBinance state: " + field + "='" + v.asText() + "' is not a decimal", e);
        }
    }
}
