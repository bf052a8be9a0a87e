package io.quantumgates.common.binance;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed exchange call. The message holds the endpoint path, HTTP status, Binance code and msg — never the
 * query string, key or signature.
 */
public final class BinanceException extends Exception {
    private final BinanceError error;
    private final String endpoint;
    private final int httpStatus;
    private final int code;
    private final Duration retryAfter;

    public BinanceException(BinanceError error, String endpoint, int httpStatus, int code, String msg, Duration retryAfter, Throwable cause) {
        super("Binance API error: " + endpoint + " " + httpStatus + " " + code + ": " + msg, cause);
        this.error = error;
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public BinanceError error() {
        return error;
    }

    public String endpoint() {
        return endpoint;
    }

    /** 0 when no HTTP answer was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Binance error code, 0 when none. */
    public int code() {
        return code;
    }

    /** From the {@code Retry-After} header on 429/418. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
