package io.quantumgates.testkit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A loopback Binance USD-M futures server speaking the real JSON shapes (money as strings):
 * {@code GET /fapi/v1/time}, {@code /fapi/v2/account}, {@code /fapi/v3/account}, {@code /fapi/v2/positionRisk},
 * {@code /fapi/v1/premiumIndex} (one symbol and all), {@code /fapi/v2/balance}. Checks {@code X-MBX-APIKEY}
 * (-2015), the HMAC-SHA256 signature (-1022) and timestamp/recvWindow (-1021); holds settable state; injects
 * faults; counts requests and weight and sends {@code X-MBX-USED-WEIGHT-1M}. Standalone: {@link FakeBinanceMain}.
 */
public final class FakeBinance implements AutoCloseable {
    public static final String DEFAULT_API_KEY = "fake-api-key-0123456789";
    public static final String DEFAULT_API_SECRET = "fake-api-secret-9876543210";

    /** Classpath resource with the seed's live testnet account (22 positions, $118,844.14). */
    public static final String SEED_ACCOUNT_RESOURCE = "/fake-binance/seed-account.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final MockWebServer server = new MockWebServer();
    private final FakeBinanceBook book = new FakeBinanceBook();
    private final Map<String, Integer> requestCounts = new ConcurrentHashMap<>();
    private final Map<String, Fault> pathFaults = new ConcurrentHashMap<>();
    private final Deque<long[]> weightWindow = new ArrayDeque<>();
    private volatile Fault globalFault;
    private volatile String apiKey = DEFAULT_API_KEY;
    private volatile String apiSecret = DEFAULT_API_SECRET;
    private volatile long clockSkewMillis;
    private volatile boolean v3AccountDisabled;
    private long totalWeight;
    private int rejected;

    private FakeBinance() {}

    /** Starts on a free loopback port with the default credentials and an empty account (wallet 0). */
    public static FakeBinance start() {
        return start(0);
    }

    /** Starts on the given port (0 = free). */
    public static FakeBinance start(int port) {
        FakeBinance fake = new FakeBinance();
        fake.server.setDispatcher(fake.new Router());
        try {
            fake.server.start(InetAddress.getLoopbackAddress(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("FakeBinance could not listen on port " + port, e);
        }
        return fake;
    }

    /** {@code http://127.0.0.1:PORT} (no trailing slash). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getPort();
    }

    public void setCredentials(String apiKey, String apiSecret) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    public void setWallet(BigDecimal walletBalance, BigDecimal availableBalance) {
        book.setWallet(walletBalance, availableBalance);
    }

    /** Sets (or with amount 0 removes) a position; its mark also becomes the symbol's mark; notional = amt × mark. */
    public void setPosition(String symbol, String positionAmt, String markPrice) {
        book.setPosition(symbol, new BigDecimal(positionAmt), new BigDecimal(markPrice));
    }

    /** Sets a mark for a symbol (held or not). */
    public void setMark(String symbol, String markPrice) {
        book.setMark(symbol, new BigDecimal(markPrice));
    }

    public void clearPositions() {
        book.clearPositions();
    }

    /**
     * Replaces the state from JSON: {@code {"wallet": "13661.00", "available": "0", "positions": [{"symbol":
     * "BTCUSDT", "positionAmt": "0.5", "markPrice": "87000.10"}], "marks": {"SOLUSDT": "150.00"}}}.
     */
    public void loadState(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("FakeBinance state is not JSON: " + e.getMessage(), e);
        }
        book.replace(root);
    }

    public void loadState(Path jsonFile) {
        try {
            loadState(Files.readString(jsonFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read FakeBinance state " + jsonFile, e);
        }
    }

    /** Loads {@link #SEED_ACCOUNT_RESOURCE}: the account of the contract's worked example §7.1. */
    public void loadSeedAccount() {
        loadState(seedAccountJson());
    }

    /** The text of {@link #SEED_ACCOUNT_RESOURCE}. */
    public static String seedAccountJson() {
        try (InputStream in = FakeBinance.class.getResourceAsStream(SEED_ACCOUNT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SEED_ACCOUNT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server clock = local clock + skew (to provoke -1021). */
    public void setClockSkewMillis(long skew) {
        this.clockSkewMillis = skew;
    }

    /** Every request from now on gets this fault (replaces a previous one). */
    public void inject(Fault fault) {
        this.globalFault = fault;
    }

    /** Only requests to this path get the fault. */
    public void inject(String path, Fault fault) {
        pathFaults.put(path, fault);
    }

    /** Makes {@code /fapi/v3/account} answer 404 (to exercise the v2 fallback). */
    public void disableV3Account(boolean disabled) {
        this.v3AccountDisabled = disabled;
    }

    public void clearFaults() {
        globalFault = null;
        pathFaults.clear();
    }

    /** Requests received per path (all outcomes). */
    public Map<String, Integer> requestCounts() {
        return Map.copyOf(requestCounts);
    }

    public int requestCount(String path) {
        return requestCounts().getOrDefault(path, 0);
    }

    /** Weight spent in the current rolling minute (what {@code X-MBX-USED-WEIGHT-1M} says). */
    public synchronized int usedWeight1m() {
        return windowWeight(System.currentTimeMillis());
    }

    /** Total weight since start. */
    public synchronized long totalWeight() {
        return totalWeight;
    }

    /** Requests rejected for a bad key, signature or timestamp. */
    public synchronized int rejectedRequests() {
        return rejected;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (RuntimeException e) {
            // closing a stalled socket may complain; the port is released either way
        }
    }

    private synchronized int spend(int weight) {
        long now = System.currentTimeMillis();
        totalWeight += weight;
        weightWindow.addLast(new long[] {now, weight});
        return windowWeight(now);
    }

    private int windowWeight(long now) {
        int sum = 0;
        Iterator<long[]> it = weightWindow.iterator();
        while (it.hasNext()) {
            long[] spent = it.next();
            if (spent[0] <= now - 60_000) {
                it.remove();
            } else {
                sum += (int) spent[1];
            }
        }
        return sum;
    }

    private synchronized void countRejected() {
        rejected++;
    }

    private long serverTime() {
        return System.currentTimeMillis() + clockSkewMillis;
    }

    /** Routes one request: fault first, then authentication, then the endpoint's body. */
    private final class Router extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            requestCounts.merge(path, 1, Integer::sum);
            Map<String, String> params = params(request.getUrl().encodedQuery());
            int used = spend(FakeBinanceEndpoints.weight(path, params));

            Fault fault = pathFaults.getOrDefault(path, globalFault);
            if (fault != null && !(fault instanceof Fault.Latency)) {
                return faultAnswer(fault, used);
            }
            MockResponse.Builder answer = answer(request, path, params).setHeader("X-MBX-USED-WEIGHT-1M", used);
            if (fault instanceof Fault.Latency latency) {
                answer.headersDelay(latency.millis(), TimeUnit.MILLISECONDS);
            }
            return answer.build();
        }

        private MockResponse.Builder answer(RecordedRequest request, String path, Map<String, String> params) {
            if (!"GET".equals(request.getMethod())) {
                return error(405, -1000, "Method not allowed.");
            }
            if (v3AccountDisabled && path.equals("/fapi/v3/account")) {
                return notFound();
            }
            if (FakeBinanceEndpoints.isSigned(path)) {
                MockResponse.Builder rejection = authenticate(request, params);
                if (rejection != null) {
                    countRejected();
                    return rejection;
                }
            }
            long now = serverTime();
            switch (path) {
                case "/fapi/v1/time":
                    return ok("{\"serverTime\":" + now + "}");
                case "/fapi/v3/account":
                    return ok(FakeBinanceEndpoints.accountV3(book, now));
                case "/fapi/v2/account":
                    return ok(FakeBinanceEndpoints.accountV2(book, now));
                case "/fapi/v2/positionRisk":
                    return ok(FakeBinanceEndpoints.positionRisk(book, params.get("symbol"), now));
                case "/fapi/v2/balance":
                    return ok(FakeBinanceEndpoints.balance(book, now));
                case "/fapi/v1/premiumIndex":
                    String symbol = params.get("symbol");
                    if (symbol != null && book.mark(symbol).isEmpty()) {
                        return error(400, -1121, "Invalid symbol.");
                    }
                    return ok(FakeBinanceEndpoints.premiumIndex(book, symbol, now));
                default:
                    return notFound();
            }
        }

        /** Binance's order: key, then mandatory parameters, then the time window, then the signature. */
        private MockResponse.Builder authenticate(RecordedRequest request, Map<String, String> params) {
            String key = request.getHeaders().get("X-MBX-APIKEY");
            if (key == null || !key.equals(apiKey)) {
                return error(401, -2015, "Invalid API-key, IP, or permissions for action.");
            }
            String query = request.getUrl().encodedQuery();
            String signature = params.get("signature");
            String timestamp = params.get("timestamp");
            if (query == null || timestamp == null || signature == null) {
                String missing = timestamp == null ? "timestamp" : "signature";
                return error(400, -1102, "Mandatory parameter '" + missing + "' was not sent, was empty/null, or malformed.");
            }
            long ts;
            long recvWindow;
            try {
                ts = Long.parseLong(timestamp);
                recvWindow = Long.parseLong(params.getOrDefault("recvWindow", "5000"));
            } catch (NumberFormatException e) {
                return error(400, -1100, "Illegal characters found in parameter 'timestamp'.");
            }
            long now = serverTime();
            if (ts >= now + 1000 || now - ts > recvWindow) {
                return error(400, -1021, "Timestamp for this request is outside of the recvWindow.");
            }
            int at = query.indexOf("&signature=");
            String signed = at < 0 ? "" : query.substring(0, at);
            if (at < 0 || !FakeBinanceEndpoints.hmacHex(apiSecret, signed).equals(signature)) {
                return error(400, -1022, "Signature for this request is not valid.");
            }
            return null;
        }

        private MockResponse faultAnswer(Fault fault, int used) {
            MockResponse.Builder b = new MockResponse.Builder().setHeader("X-MBX-USED-WEIGHT-1M", used);
            if (fault instanceof Fault.ServerError) {
                return withError(b, 500, -1000, "An unknown error occured while processing the request.").build();
            }
            if (fault instanceof Fault.RateLimited r) {
                withError(b, 429, -1003, "Too many requests; current limit of IP(127.0.0.1) is 2400 requests per minute.");
                if (r.retryAfterSeconds() >= 0) {
                    b.setHeader("Retry-After", r.retryAfterSeconds());
                }
                return b.build();
            }
            if (fault instanceof Fault.IpBanned r) {
                long until = serverTime() + Math.max(r.retryAfterSeconds(), 120) * 1000L;
                withError(b, 418, -1003, "Way too many requests; IP(127.0.0.1) banned until " + until + ".");
                if (r.retryAfterSeconds() >= 0) {
                    b.setHeader("Retry-After", r.retryAfterSeconds());
                }
                return b.build();
            }
            if (fault instanceof Fault.NoAnswer) {
                return b.onResponseStart(SocketEffect.Stall.INSTANCE).build();
            }
            if (fault instanceof Fault.Garbage) {
                return b.code(200).setHeader("Content-Type", "application/json").body("<html>502 Bad Gateway</html>\u0000{").build();
            }
            if (fault instanceof Fault.Reset) {
                return b.onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
            }
            throw new IllegalStateException("unknown fault " + fault);
        }
    }

    private static MockResponse.Builder notFound() {
        return new MockResponse.Builder()
                .code(404)
                .setHeader("Content-Type", "text/html")
                .body("<html><body><h1>404 Not Found</h1></body></html>");
    }

    private static MockResponse.Builder ok(String json) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(json);
    }

    private static MockResponse.Builder error(int status, int code, String msg) {
        return withError(new MockResponse.Builder(), status, code, msg);
    }

    private static MockResponse.Builder withError(MockResponse.Builder b, int status, int code, String msg) {
        String body = "{\"code\":" + code + ",\"msg\":" + JsonText.quote(msg) + "}";
        return b.code(status).setHeader("Content-Type", "application/json").body(body);
    }

    private static Map<String, String> params(String encodedQuery) {
        Map<String, String> out = new HashMap<>();
        if (encodedQuery == null || encodedQuery.isEmpty()) {
            return out;
        }
        for (String pair : encodedQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return out;
    }

    /** Minimal JSON string quoting (our messages are ASCII). */
    static final class JsonText {
        private JsonText() {}

        static String quote(String s) {
            try {
                return JSON.writeValueAsString(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
