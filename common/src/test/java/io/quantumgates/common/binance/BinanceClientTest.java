package io.quantumgates.common.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.quantumgates.common.config.Secret;
import io.quantumgates.testkit.FakeBinance;
import io.quantumgates.testkit.Fault;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BinanceClientTest {
    private static final Duration TIMEOUT = Duration.ofMillis(600);
    private FakeBinance fake;
    private final List<BinanceClient> clients = new ArrayList<>();
    private final List<String> captured = new ArrayList<>();

    @BeforeEach
    void start() {
        fake = FakeBinance.start();
        fake.loadSeedAccount();
    }

    @AfterEach
    void stop() {
        clients.forEach(BinanceClient::close);
        fake.close();
    }

    @Test
    void signedAccountRequestIsAcceptedAndReadsExactMoney() throws BinanceException {
        Account account = client().account();

        BigDecimal total = account.positions().stream()
                .map(p -> p.notional().abs())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(account.positions()).hasSize(22);
        assertThat(total).isEqualByComparingTo("118844.14");
        assertThat(account.totalWalletBalance()).isEqualByComparingTo("13661.00");
        assertThat(account.availableBalance()).isEqualByComparingTo("0");
        assertThat(account.positions()).anySatisfy(p -> {
            assertThat(p.symbol()).isEqualTo("BTCUSDT");
            assertThat(p.positionAmt()).isEqualByComparingTo("0.4");
            assertThat(p.notional()).isEqualTo(new BigDecimal("34964.92000000"));
            assertThat(p.positionSide()).isEqualTo("BOTH");
        });
        assertThat(fake.rejectedRequests()).isZero();
        assertThat(fake.requestCount("/fapi/v3/account")).isEqualTo(1);
    }

    @Test
    void markPricesReadsEveryMarkIncludingUnheldSymbols() throws BinanceException {
        List<MarkPrice> marks = client().markPrices();

        assertThat(marks).anySatisfy(m -> {
            assertThat(m.symbol()).isEqualTo("SOLUSDT");
            assertThat(m.markPrice()).isEqualByComparingTo("150.00");
            assertThat(m.time()).isPositive();
        });
        assertThat(marks).hasSize(33);
    }

    @Test
    void wrongKeyIsAuthRejected() {
        BinanceException e = failure(() -> client("wrong-key", FakeBinance.DEFAULT_API_SECRET).account());

        assertThat(e.error()).isEqualTo(BinanceError.AUTH_REJECTED);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.code()).isEqualTo(-2015);
        assertThat(e.getMessage())
                .isEqualTo("Binance API error: /fapi/v3/account 401 -2015: Invalid API-key, IP, or permissions for action.");
    }

    @Test
    void wrongSecretIsABadSignature() {
        BinanceException e = failure(() -> client(FakeBinance.DEFAULT_API_KEY, "wrong-secret-value").account());

        assertThat(e.error()).isEqualTo(BinanceError.BAD_SIGNATURE);
        assertThat(e.code()).isEqualTo(-1022);
    }

    @Test
    void serverClockJumpingTenSecondsIsResyncedAndTheRetrySucceeds() throws BinanceException {
        Logger logger = (Logger) LoggerFactory.getLogger(BinanceClient.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            BinanceClient client = client();
            client.account();
            fake.setClockSkewMillis(10_000);

            Account account = client.account();

            assertThat(account.positions()).hasSize(22);
            assertThat(fake.requestCount("/fapi/v1/time")).isEqualTo(2);
            assertThat(fake.requestCount("/fapi/v3/account")).isEqualTo(3);
            assertThat(client.clockOffsetMs()).isBetween(9_000L, 11_000L);
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(m -> m.matches("Binance clock offset \\d+ms"));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void serverErrorIsTyped() {
        fake.inject(new Fault.ServerError());
        BinanceException e = failure(() -> client().markPrices());
        assertThat(e.error()).isEqualTo(BinanceError.SERVER_ERROR);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.error().metricStatus()).isEqualTo("http_5xx");
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        fake.inject(new Fault.RateLimited(7));
        BinanceException e = failure(() -> client().markPrices());
        assertThat(e.error()).isEqualTo(BinanceError.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.code()).isEqualTo(-1003);
    }

    @Test
    void ipBanIsTypedWithoutRetryAfterWhenTheHeaderIsAbsent() {
        fake.inject(new Fault.IpBanned(-1));
        BinanceException e = failure(() -> client().markPrices());
        assertThat(e.error()).isEqualTo(BinanceError.IP_BANNED);
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void noAnswerBecomesATimeout() {
        fake.inject(new Fault.NoAnswer());
        BinanceException e = failure(() -> client().markPrices());
        assertThat(e.error()).isEqualTo(BinanceError.TIMEOUT);
        assertThat(e.httpStatus()).isZero();
    }

    @Test
    void garbageBodyIsAParseError() {
        fake.inject(new Fault.Garbage());
        BinanceException e = failure(() -> client().markPrices());
        assertThat(e.error()).isEqualTo(BinanceError.PARSE_ERROR);
    }

    @Test
    void resetConnectionIsAnIoError() {
        fake.inject(new Fault.Reset());
        BinanceException e = failure(() -> client().markPrices());
        assertThat(e.error()).isEqualTo(BinanceError.IO_ERROR);
    }

    @Test
    void refusedConnectionIsAnIoError() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        BinanceClient client = track(new BinanceClient(
                "http://127.0.0.1:" + closedPort, credentials(FakeBinance.DEFAULT_API_KEY, FakeBinance.DEFAULT_API_SECRET),
                InstantSource.system(), TIMEOUT));
        assertThat(failure(client::markPrices).error()).isEqualTo(BinanceError.IO_ERROR);
    }

    @Test
    void accountWithAMissingFieldIsAParseError() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body("{\"serverTime\":" + System.currentTimeMillis() + "}").build());
            server.enqueue(new MockResponse.Builder()
                    .body("{\"totalWalletBalance\":\"1.0\",\"positions\":[]}")
                    .build());
            server.start();
            BinanceClient client = track(new BinanceClient(
                    server.url("/").toString(), credentials("k-123456", "s-123456"), InstantSource.system(), TIMEOUT));

            BinanceException e = failure(client::account);

            assertThat(e.error()).isEqualTo(BinanceError.PARSE_ERROR);
            assertThat(e.getMessage()).contains("availableBalance");
        }
    }

    @Test
    void v3NotFoundFallsBackToV2ForTheProcessLife() throws BinanceException {
        fake.disableV3Account(true);
        BinanceClient client = client();

        Account first = client.account();
        Account second = client.account();

        assertThat(fake.requestCount("/fapi/v3/account")).isEqualTo(1);
        assertThat(fake.requestCount("/fapi/v2/account")).isEqualTo(2);
        // v2 lists every symbol, zero rows included; the open ones are the seed's 22
        assertThat(first.positions().stream().filter(p -> p.positionAmt().signum() != 0)).hasSize(22);
        assertThat(second.totalWalletBalance()).isEqualByComparingTo("13661.00");
    }

    @Test
    void usedWeightIsReadFromTheHeader() throws BinanceException {
        BinanceClient client = client();
        assertThat(client.lastUsedWeight()).isEmpty();

        client.markPrices();
        client.account();

        // premiumIndex 10, time 1, account 5
        assertThat(client.lastUsedWeight()).hasValue(16);
        assertThat(fake.usedWeight1m()).isEqualTo(16);
    }

    @Test
    void everyAttemptIsReportedWithItsMetricStatus() throws BinanceException {
        BinanceClient client = client();
        List<String> seen = new CopyOnWriteArrayList<>();
        client.onRequest((endpoint, status) -> seen.add(endpoint + " " + status));

        client.markPrices();
        fake.inject("/fapi/v3/account", new Fault.RateLimited(3));
        failure(client::account);

        assertThat(seen).containsExactly(
                "/fapi/v1/premiumIndex ok", "/fapi/v1/time ok", "/fapi/v3/account http_429");
    }

    @Test
    void keySecretAndSignatureAppearInNoMessageOrToString() {
        String key = "leaky-key-ABCDEF0123456789";
        String secret = "leaky-secret-FEDCBA9876543210";
        fake.setCredentials(key, secret);
        BinanceClient good = client(key, secret);
        BinanceClient badSecret = client(key, "other-secret-000111222333");
        BinanceClient badKey = client("other-key-999888777666", secret);

        record(failure(badSecret::account));
        record(failure(badKey::account));
        for (Fault fault : List.of(new Fault.ServerError(), new Fault.RateLimited(7), new Fault.IpBanned(5),
                new Fault.NoAnswer(), new Fault.Garbage(), new Fault.Reset())) {
            fake.inject(fault);
            record(failure(good::account));
        }
        fake.clearFaults();
        captured.add(good.toString());
        captured.add(new BinanceCredentials(Secret.of(key), Secret.of(secret)).toString());

        assertThat(captured).hasSize(10).allSatisfy(s -> assertThat(s)
                .doesNotContain(key)
                .doesNotContain(secret)
                .doesNotContain("signature")
                .doesNotContain("timestamp="));
    }

    private void record(BinanceException e) {
        StringBuilder all = new StringBuilder(e.toString());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            all.append(' ').append(t);
        }
        captured.add(all.toString());
    }

    private BinanceClient client() {
        return client(FakeBinance.DEFAULT_API_KEY, FakeBinance.DEFAULT_API_SECRET);
    }

    private BinanceClient client(String key, String secret) {
        return track(new BinanceClient(fake.baseUrl(), credentials(key, secret), InstantSource.system(), TIMEOUT));
    }

    private BinanceClient track(BinanceClient client) {
        clients.add(client);
        return client;
    }

    private static BinanceCredentials credentials(String key, String secret) {
        return new BinanceCredentials(Secret.of(key), Secret.of(secret));
    }

    private static BinanceException failure(Call call) {
        BinanceException e = catchThrowableOfType(BinanceException.class, call::run);
        assertThat(e).as("expected a BinanceException").isNotNull();
        return e;
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }
}
