package io.quantumgates.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeBinanceTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final OkHttpClient http = new OkHttpClient.Builder()
            .callTimeout(2, TimeUnit.SECONDS)
            .retryOnConnectionFailure(false)
            .build();
    private FakeBinance fake;

    @BeforeEach
    void start() {
        fake = FakeBinance.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void seedAccountHoldsTwentyTwoPositionsWorth118844_14() throws IOException {
        fake.loadSeedAccount();

        JsonNode account = signedGet("/fapi/v3/account", FakeBinance.DEFAULT_API_SECRET).json;

        List<String> symbols = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode p : account.get("positions")) {
            symbols.add(p.get("symbol").asText());
            BigDecimal amt = new BigDecimal(p.get("positionAmt").asText());
            BigDecimal notional = new BigDecimal(p.get("notional").asText());
            assertThat(notional.stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
            assertThat(amt.signum()).isNotZero();
            total = total.add(notional.abs());
        }
        assertThat(symbols).hasSize(22).contains("BTCUSDT", "ETHUSDT").doesNotContain("SOLUSDT");
        assertThat(total).isEqualByComparingTo("118844.14");
        assertThat(new BigDecimal(account.get("totalWalletBalance").asText())).isEqualByComparingTo("13661.00");
        assertThat(new BigDecimal(account.get("availableBalance").asText())).isEqualByComparingTo("0");
        assertThat(account.get("positions").get(0).get("positionSide").asText()).isEqualTo("BOTH");

        JsonNode sol = get("/fapi/v1/premiumIndex?symbol=SOLUSDT").json;
        assertThat(new BigDecimal(sol.get("markPrice").asText())).isEqualByComparingTo("150.00");
        assertThat(get("/fapi/v1/premiumIndex").json.size()).isGreaterThanOrEqualTo(22 + 11);
    }

    @Test
    void v2AccountListsZeroRowsForUnheldSymbolsAndV3DoesNot() throws IOException {
        fake.setPosition("BTCUSDT", "0.5", "87000.10");
        fake.setMark("SOLUSDT", "150.00");

        JsonNode v2 = signedGet("/fapi/v2/account", FakeBinance.DEFAULT_API_SECRET).json;
        JsonNode v3 = signedGet("/fapi/v3/account", FakeBinance.DEFAULT_API_SECRET).json;

        assertThat(v2.get("positions")).hasSize(2);
        assertThat(v3.get("positions")).hasSize(1);
        assertThat(new BigDecimal(v3.get("positions").get(0).get("notional").asText()))
                .isEqualByComparingTo("43500.05");
    }

    @Test
    void unsignedCallToSignedEndpointIsRejected() throws IOException {
        Reply noKey = get("/fapi/v3/account");
        Reply keyNoSignature = send(new Request.Builder()
                .url(fake.baseUrl() + "/fapi/v3/account")
                .header("X-MBX-APIKEY", FakeBinance.DEFAULT_API_KEY)
                .build());

        assertThat(noKey.status).isEqualTo(401);
        assertThat(noKey.json.get("code").asInt()).isEqualTo(-2015);
        assertThat(keyNoSignature.status).isEqualTo(400);
        assertThat(keyNoSignature.json.get("code").asInt()).isEqualTo(-1102);
        assertThat(fake.rejectedRequests()).isEqualTo(2);
    }

    @Test
    void wrongSecretIsABadSignatureAndSkewIsOutsideTheRecvWindow() throws IOException {
        Reply badSignature = signedGet("/fapi/v2/balance", "not-the-secret");
        fake.setClockSkewMillis(10_000);
        Reply skewed = signedGet("/fapi/v2/balance", FakeBinance.DEFAULT_API_SECRET);

        assertThat(badSignature.status).isEqualTo(400);
        assertThat(badSignature.json.get("code").asInt()).isEqualTo(-1022);
        assertThat(skewed.json.get("code").asInt()).isEqualTo(-1021);
    }

    @Test
    void usedWeightHeaderCountsTheRollingMinute() throws IOException {
        Reply time = get("/fapi/v1/time");
        Reply all = get("/fapi/v1/premiumIndex");
        Reply account = signedGet("/fapi/v3/account", FakeBinance.DEFAULT_API_SECRET);

        assertThat(time.weight).isEqualTo("1");
        assertThat(all.weight).isEqualTo("11");
        assertThat(account.weight).isEqualTo("16");
        assertThat(fake.usedWeight1m()).isEqualTo(16);
        assertThat(fake.totalWeight()).isEqualTo(16);
        assertThat(fake.requestCount("/fapi/v1/premiumIndex")).isEqualTo(1);
    }

    @Test
    void rateLimitFaultOnOnePathCarriesRetryAfterAndLeavesOtherPathsAlone() throws IOException {
        fake.inject("/fapi/v1/premiumIndex", new Fault.RateLimited(7));
        fake.inject("/fapi/v2/balance", new Fault.IpBanned(-1));

        Reply limited = get("/fapi/v1/premiumIndex");
        Reply banned = get("/fapi/v2/balance");
        Reply time = get("/fapi/v1/time");

        assertThat(limited.status).isEqualTo(429);
        assertThat(limited.retryAfter).isEqualTo("7");
        assertThat(banned.status).isEqualTo(418);
        assertThat(banned.retryAfter).isNull();
        assertThat(time.status).isEqualTo(200);
        fake.clearFaults();
        assertThat(get("/fapi/v1/premiumIndex").status).isEqualTo(200);
    }

    @Test
    void resetFaultClosesTheConnectionWithoutAnAnswer() {
        fake.inject(new Fault.Reset());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get("/fapi/v1/time"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void disabledV3AccountAnswers404() throws IOException {
        fake.disableV3Account(true);
        Request r = new Request.Builder().url(fake.baseUrl() + "/fapi/v3/account").build();
        try (Response response = http.newCall(r).execute()) {
            assertThat(response.code()).isEqualTo(404);
        }
    }

    private Reply get(String pathAndQuery) throws IOException {
        return send(new Request.Builder().url(fake.baseUrl() + pathAndQuery).build());
    }

    private Reply signedGet(String path, String secret) throws IOException {
        String query = "recvWindow=5000&timestamp=" + System.currentTimeMillis();
        String url = fake.baseUrl() + path + "?" + query + "&signature=" + FakeBinanceEndpoints.hmacHex(secret, query);
        return send(new Request.Builder().url(url).header("X-MBX-APIKEY", FakeBinance.DEFAULT_API_KEY).build());
    }

    private Reply send(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            return new Reply(
                    response.code(),
                    JSON.readTree(body),
                    response.header("x-mbx-used-weight-1m"),
                    response.header("Retry-After"));
        }
    }

    private record Reply(int status, JsonNode json, String weight, String retryAfter) {}
}
