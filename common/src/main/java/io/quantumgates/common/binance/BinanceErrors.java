package io.quantumgates.common.binance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;

/** Maps an HTTP answer or transport failure to a {@link BinanceException}; messages never carry the query. */
final class BinanceErrors {
    private static final int MAX_MSG = 200;

    private BinanceErrors() {}

    static BinanceException fromResponse(String endpoint, int status, String body, String retryAfterHeader) {
        int code = 0;
        String msg = "HTTP " + status;
        JsonNode json = BinanceJson.tryParse(body);
        if (json != null && json.isObject()) {
            code = json.path("code").asInt(0);
            if (json.hasNonNull("msg")) {
                msg = clip(json.get("msg").asText());
            }
        }
        BinanceError error = classify(status, code);
        Duration retryAfter = error == BinanceError.RATE_LIMITED || error == BinanceError.IP_BANNED
                ? retryAfter(retryAfterHeader)
                : null;
        return new BinanceException(error, endpoint, status, code, msg, retryAfter, null);
    }

    static BinanceError classify(int status, int code) {
        if (status == 429) {
            return BinanceError.RATE_LIMITED;
        }
        if (status == 418) {
            return BinanceError.IP_BANNED;
        }
        if (code == -1021) {
            return BinanceError.TIMESTAMP_OUTSIDE_RECV_WINDOW;
        }
        if (code == -1022) {
            return BinanceError.BAD_SIGNATURE;
        }
        if (status == 401 || code == -2014 || code == -2015) {
            return BinanceError.AUTH_REJECTED;
        }
        if (status == 404) {
            return BinanceError.NOT_FOUND;
        }
        if (status >= 500) {
            return BinanceError.SERVER_ERROR;
        }
        return BinanceError.CLIENT_ERROR;
    }

    /** Seconds as Binance sends them; an HTTP-date or junk counts as absent. */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long s = Long.parseLong(header.trim());
            return s < 0 ? null : Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The cause is dropped on purpose: OkHttp messages can name the URL, and a stack trace printed by a caller would
     * carry it. The class name and a query-free message are enough to tell reset from refused.
     */
    static BinanceException transport(BinanceError error, String endpoint, IOException e) {
        String detail = e.getMessage() == null ? "" : ": " + withoutQuery(e.getMessage());
        return new BinanceException(error, endpoint, 0, 0, clip(e.getClass().getSimpleName() + detail), null, null);
    }

    static String withoutQuery(String text) {
        int q = text.indexOf('?');
        return q < 0 ? text : text.substring(0, q);
    }

    private static String clip(String s) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_MSG ? oneLine : oneLine.substring(0, MAX_MSG) + "...";
    }
}
