package io.quantumgates.common.binance;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.OptionalInt;

/**
 * Thin signed client for the Binance USD-M futures REST API on OkHttp: HMAC-SHA256 signing, server-time offset,
 * recvWindow 5000, typed errors, weight tracking from {@code X-MBX-USED-WEIGHT-1M}, 2000 ms timeouts, one request
 * in flight. Used by the governor's poller and CLI only (never on the decision path). Key and secret never appear
 * in logs, exception messages or {@code toString}.
 *
 * <p>API agreed across modules; the body is filled in by the exchange-client work.
 */
public final class BinanceClient implements AutoCloseable {
    public BinanceClient(String baseUrl, BinanceCredentials credentials, InstantSource clock, Duration timeout) {
        throw new UnsupportedOperationException("todo");
    }

    /** {@code GET /fapi/v1/time}; updates the offset, logs {@code Binance clock offset {ms}ms} on moves > 500 ms. */
    public long syncTime() throws BinanceException {
        throw new UnsupportedOperationException("todo");
    }

    /** Current offset (server − local), ms. */
    public long clockOffsetMs() {
        throw new UnsupportedOperationException("todo");
    }

    /**
     * Signed {@code GET /fapi/v3/account}; after a 404 falls back to {@code /fapi/v2/account} for the process life.
     * On {@code -1021} re-syncs the clock and retries once.
     */
    public Account account() throws BinanceException {
        throw new UnsupportedOperationException("todo");
    }

    /** {@code GET /fapi/v1/premiumIndex} without symbol: all marks (weight 10). */
    public List<MarkPrice> markPrices() throws BinanceException {
        throw new UnsupportedOperationException("todo");
    }

    /** Last {@code X-MBX-USED-WEIGHT-1M} seen, if any. */
    public OptionalInt lastUsedWeight() {
        throw new UnsupportedOperationException("todo");
    }

    /** Listener for every request's endpoint path and metric status (for {@code quantum_govern_exchange_requests_total}). */
    public void onRequest(RequestListener listener) {
        throw new UnsupportedOperationException("todo");
    }

    @FunctionalInterface
    public interface RequestListener {
        void requested(String endpoint, String status);
    }

    @Override
    public String toString() {
        return "BinanceClient[***]";
    }

    @Override
    public void close() {}
}
