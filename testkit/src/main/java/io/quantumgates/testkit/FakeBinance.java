package io.quantumgates.testkit;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/**
 * A loopback Binance USD-M futures server speaking the real JSON shapes (money as strings):
 * {@code GET /fapi/v1/time}, {@code /fapi/v2/account}, {@code /fapi/v3/account}, {@code /fapi/v2/positionRisk},
 * {@code /fapi/v1/premiumIndex} (one symbol and all), {@code /fapi/v2/balance}. Checks {@code X-MBX-APIKEY}
 * (-2015), the HMAC-SHA256 signature (-1022) and timestamp/recvWindow (-1021); holds settable state; injects
 * faults; counts requests and weight and sends {@code X-MBX-USED-WEIGHT-1M}. Standalone: {@link FakeBinanceMain}.
 *
 * <p>API agreed across modules; the body is filled in by the testkit work.
 */
public final class FakeBinance implements AutoCloseable {
    public static final String DEFAULT_API_KEY = "fake-api-key-0123456789";
    public static final String DEFAULT_API_SECRET = "fake-api-secret-9876543210";

    /** Starts on a free loopback port with the default credentials and an empty account (wallet 0). */
    public static FakeBinance start() {
        throw new UnsupportedOperationException("todo");
    }

    /** Starts on the given port (0 = free). */
    public static FakeBinance start(int port) {
        throw new UnsupportedOperationException("todo");
    }

    /** {@code http://127.0.0.1:PORT} (no trailing slash). */
    public String baseUrl() {
        throw new UnsupportedOperationException("todo");
    }

    public int port() {
        throw new UnsupportedOperationException("todo");
    }

    public void setCredentials(String apiKey, String apiSecret) {
        throw new UnsupportedOperationException("todo");
    }

    public void setWallet(BigDecimal walletBalance, BigDecimal availableBalance) {
        throw new UnsupportedOperationException("todo");
    }

    /** Sets (or with amount 0 removes) a position; its mark also becomes the symbol's mark; notional = amt × mark. */
    public void setPosition(String symbol, String positionAmt, String markPrice) {
        throw new UnsupportedOperationException("todo");
    }

    /** Sets a mark for a symbol (held or not). */
    public void setMark(String symbol, String markPrice) {
        throw new UnsupportedOperationException("todo");
    }

    public void clearPositions() {
        throw new UnsupportedOperationException("todo");
    }

    /**
     * Replaces the state from JSON: {@code {"wallet": "13661.00", "available": "0", "positions": [{"symbol":
     * "BTCUSDT", "positionAmt": "0.5", "markPrice": "87000.10"}], "marks": {"SOLUSDT": "150.00"}}}.
     */
    public void loadState(String json) {
        throw new UnsupportedOperationException("todo");
    }

    public void loadState(Path jsonFile) {
        throw new UnsupportedOperationException("todo");
    }

    /** Server clock = local clock + skew (to provoke -1021). */
    public void setClockSkewMillis(long skew) {
        throw new UnsupportedOperationException("todo");
    }

    /** Every request from now on gets this fault (replaces a previous one). */
    public void inject(Fault fault) {
        throw new UnsupportedOperationException("todo");
    }

    /** Only requests to this path get the fault. */
    public void inject(String path, Fault fault) {
        throw new UnsupportedOperationException("todo");
    }

    /** Makes {@code /fapi/v3/account} answer 404 (to exercise the v2 fallback). */
    public void disableV3Account(boolean disabled) {
        throw new UnsupportedOperationException("todo");
    }

    public void clearFaults() {
        throw new UnsupportedOperationException("todo");
    }

    /** Requests received per path (all outcomes). */
    public Map<String, Integer> requestCounts() {
        throw new UnsupportedOperationException("todo");
    }

    public int requestCount(String path) {
        return requestCounts().getOrDefault(path, 0);
    }

    /** Weight spent in the current rolling minute (what {@code X-MBX-USED-WEIGHT-1M} says). */
    public int usedWeight1m() {
        throw new UnsupportedOperationException("todo");
    }

    /** Total weight since start. */
    public long totalWeight() {
        throw new UnsupportedOperationException("todo");
    }

    /** Requests rejected for a bad key, signature or timestamp. */
    public int rejectedRequests() {
        throw new UnsupportedOperationException("todo");
    }

    @Override
    public void close() {}
}
