package io.quantumgates.common.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads the fields we use from Binance bodies; money as exact {@link BigDecimal}s, unknown fields ignored. */
final class BinanceJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private BinanceJson() {}

    static JsonNode parse(String text, String endpoint, int status) throws BinanceException {
        JsonNode node = tryParse(text);
        if (node == null || !(node.isObject() || node.isArray())) {
            throw parseError(endpoint, status, "response is not JSON");
        }
        return node;
    }

    static JsonNode tryParse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static Account account(JsonNode root, String endpoint) throws BinanceException {
        if (!root.isObject()) {
            throw parseError(endpoint, 200, "account is not an object");
        }
        JsonNode rows = root.get("positions");
        if (rows == null || !rows.isArray()) {
            throw parseError(endpoint, 200, "missing field positions");
        }
        List<Account.Position> positions = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            positions.add(new Account.Position(
                    requiredText(row, "symbol", endpoint),
                    row.hasNonNull("positionSide") ? row.get("positionSide").asText() : "BOTH",
                    requiredDecimal(row, "positionAmt", endpoint),
                    optionalDecimal(row, "notional", endpoint),
                    optionalDecimal(row, "unrealizedProfit", endpoint)));
        }
        return new Account(
                requiredDecimal(root, "totalWalletBalance", endpoint),
                requiredDecimal(root, "availableBalance", endpoint),
                requiredDecimal(root, "totalMarginBalance", endpoint),
                requiredDecimal(root, "totalInitialMargin", endpoint),
                requiredDecimal(root, "totalUnrealizedProfit", endpoint),
                List.copyOf(positions));
    }

    static List<MarkPrice> markPrices(JsonNode root, String endpoint) throws BinanceException {
        if (!root.isArray()) {
            throw parseError(endpoint, 200, "premiumIndex is not an array");
        }
        List<MarkPrice> marks = new ArrayList<>(root.size());
        for (JsonNode row : root) {
            marks.add(new MarkPrice(
                    requiredText(row, "symbol", endpoint),
                    requiredDecimal(row, "markPrice", endpoint),
                    requiredLong(row, "time", endpoint)));
        }
        return List.copyOf(marks);
    }

    static long requiredLong(JsonNode node, String field, String endpoint) throws BinanceException {
        JsonNode v = node.get(field);
        if (v == null || !(v.isIntegralNumber() || (v.isTextual() && v.asText().matches("-?\\d{1,19}")))) {
            throw parseError(endpoint, 200, "missing field " + field);
        }
        try {
            return v.isTextual() ? Long.parseLong(v.asText()) : v.bigIntegerValue().longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw parseError(endpoint, 200, "bad field " + field);
        }
    }

    private static String requiredText(JsonNode node, String field, String endpoint) throws BinanceException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw parseError(endpoint, 200, "missing field " + field);
        }
        return v.asText();
    }

    private static BigDecimal requiredDecimal(JsonNode node, String field, String endpoint) throws BinanceException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw parseError(endpoint, 200, "missing field " + field);
        }
        return decimal(v, field, endpoint);
    }

    private static BigDecimal optionalDecimal(JsonNode node, String field, String endpoint) throws BinanceException {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? BigDecimal.ZERO : decimal(v, field, endpoint);
    }

    private static BigDecimal decimal(JsonNode v, String field, String endpoint) throws BinanceException {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                throw parseError(endpoint, 200, "bad decimal in " + field);
            }
        }
        throw parseError(endpoint, 200, "bad decimal in " + field);
    }

    private static BinanceException parseError(String endpoint, int status, String msg) {
        return new BinanceException(BinanceError.PARSE_ERROR, endpoint, status, 0, msg, null, null);
    }
}
