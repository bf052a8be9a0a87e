package io.quantumgates.common.binance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thin signed client for the Binance USD-M futures REST API on OkHttp: HMAC-SHA256 signing, server-time offset,
 * recvWindow 5000, typed errors, weight tracking from {@code X-MBX-USED-WEIGHT-1M}, 2000 ms timeouts, one request
 * in flight. Used by the governor's poller and CLI only (never on the decision path). Key and secret never appear
 * in logs, exception messages or {@code toString}.
 *
 * <p>It reports 429/418 as typed errors with their {@code Retry-After}; pausing is the caller's policy.
 */
public final class BinanceClient implements AutoCloseable {
    static final long RECV_WINDOW_MS = 5000;
    static final long RESYNC_EVERY_MS = 600_000;
    static final long OFFSET_LOG_THRESHOLD_MS = 500;
    static final String TIME = "/fapi/v1/time";
    static final String ACCOUNT_V3 = "/fapi/v3/account";
    static final String ACCOUNT_V2 = "/fapi/v2/account";
    static final String PREMIUM_INDEX = "/fapi/v1/premiumIndex";

    private static final Logger log = LoggerFactory.getLogger(BinanceClient.class);

    private final String baseUrl;
    private final BinanceCredentials credentials;
    private final InstantSource clock;
    private final OkHttpClient http;
    private final List<RequestListener> listeners = new CopyOnWriteArrayList<>();

    private long offsetMs;
    private long lastSyncMs = Long.MIN_VALUE;
    private boolean v3AccountMissing;
    private volatile int lastUsedWeight = -1;

    public BinanceClient(String baseUrl, BinanceCredentials credentials, InstantSource clock, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.credentials = credentials;
        this.clock = clock;
        long ms = timeout.toMillis();
        // No silent retries: one call = one HTTP attempt, so weight and timeouts stay what the caller budgets.
        this.http = new OkHttpClient.Builder()
                .callTimeout(ms, TimeUnit.MILLISECONDS)
                .connectTimeout(ms, TimeUnit.MILLISECONDS)
                .readTimeout(ms, TimeUnit.MILLISECONDS)
                .writeTimeout(ms, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    /** {@code GET /fapi/v1/time}; updates the offset, logs {@code Binance clock offset {ms}ms} on moves > 500 ms. */
    public synchronized long syncTime() throws BinanceException {
        long before = clock.millis();
        JsonNode body = send(TIME, "", false);
        long after = clock.millis();
        long serverTime = BinanceJson.requiredLong(body, "serverTime", TIME);
        long offset = serverTime - (before + after) / 2;
        if (Math.abs(offset - offsetMs) > OFFSET_LOG_THRESHOLD_MS) {
            log.info("Binance clock offset {}ms", offset);
        }
        offsetMs = offset;
        lastSyncMs = after;
        return offset;
    }

    /** Current offset (server − local), ms. */
    public synchronized long clockOffsetMs() {
        return offsetMs;
    }

    /**
     * Signed {@code GET /fapi/v3/account}; after a 404 falls back to {@code /fapi/v2/account} for the process life.
     * On {@code -1021} re-syncs the clock and retries once.
     */
    public synchronized Account account() throws BinanceException {
        if (!v3AccountMissing) {
            try {
                return BinanceJson.account(signedWithResync(ACCOUNT_V3), ACCOUNT_V3);
            } catch (BinanceException e) {
                if (e.error() != BinanceError.NOT_FOUND) {
                    throw e;
                }
                v3AccountMissing = true;
                log.warn("Binance {} answered 404 - using {} from now on", ACCOUNT_V3, ACCOUNT_V2);
            }
        }
        return BinanceJson.account(signedWithResync(ACCOUNT_V2), ACCOUNT_V2);
    }

    /** {@code GET /fapi/v1/premiumIndex} without symbol: all marks (weight 10). */
    public synchronized List<MarkPrice> markPrices() throws BinanceException {
        return BinanceJson.markPrices(send(PREMIUM_INDEX, "", false), PREMIUM_INDEX);
    }

    /** Last {@code X-MBX-USED-WEIGHT-1M} seen, if any. */
    public OptionalInt lastUsedWeight() {
        int w = lastUsedWeight;
        return w < 0 ? OptionalInt.empty() : OptionalInt.of(w);
    }

    /** Listener for every request's endpoint path and metric status (for {@code quantum_govern_exchange_requests_total}). */
    public void onRequest(RequestListener listener) {
        listeners.add(listener);
    }

    @FunctionalInterface
    public interface RequestListener {
        void requested(String endpoint, String status);
    }

    private JsonNode signedWithResync(String path) throws BinanceException {
        if (lastSyncMs == Long.MIN_VALUE || clock.millis() - lastSyncMs >= RESYNC_EVERY_MS) {
            syncTime();
        }
        try {
            return send(path, signedQuery(), true);
        } catch (BinanceException e) {
            if (e.error() != BinanceError.TIMESTAMP_OUTSIDE_RECV_WINDOW) {
                throw e;
            }
            syncTime();
            return send(path, signedQuery(), true);
        }
    }

    private String signedQuery() {
        String query = "recvWindow=" + RECV_WINDOW_MS + "&timestamp=" + (clock.millis() + offsetMs);
        return query + "&signature=" + Hmac.sha256Hex(credentials.apiSecret().reveal(), query);
    }

    private JsonNode send(String path, String query, boolean signed) throws BinanceException {
        Request.Builder request = new Request.Builder().url(baseUrl + path + (query.isEmpty() ? "" : "?" + query)).get();
        if (signed) {
            request.header("X-MBX-APIKEY", credentials.apiKey().reveal());
        }
        try (Response response = http.newCall(request.build()).execute()) {
            recordWeight(response.header("X-MBX-USED-WEIGHT-1M"));
            ResponseBody body = response.body();
            String text = body.string();
            if (!response.isSuccessful()) {
                throw BinanceErrors.fromResponse(path, response.code(), text, response.header("Retry-After"));
            }
            JsonNode json = BinanceJson.parse(text, path, response.code());
            notify(path, "ok");
            return json;
        } catch (BinanceException e) {
            notify(path, e.error().metricStatus());
            throw e;
        } catch (InterruptedIOException e) {
            // OkHttp's call timeout surfaces as InterruptedIOException("timeout")
            BinanceException ex = BinanceErrors.transport(BinanceError.TIMEOUT, path, e);
            notify(path, ex.error().metricStatus());
            throw ex;
        } catch (IOException e) {
            BinanceException ex = BinanceErrors.transport(BinanceError.IO_ERROR, path, e);
            notify(path, ex.error().metricStatus());
            throw ex;
        }
    }

    private void recordWeight(String header) {
        if (header == null) {
            return;
        }
        try {
            lastUsedWeight = Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            // a header we cannot read tells us nothing; keep the last good value
        }
    }

    private void notify(String endpoint, String status) {
        for (RequestListener l : listeners) {
            try {
                l.requested(endpoint, status);
            } catch (RuntimeException e) {
                log.debug("request listener failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "BinanceClient[***]";
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
