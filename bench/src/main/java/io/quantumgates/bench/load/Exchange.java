package io.quantumgates.bench.load;

import io.quantumgates.testkit.FakeBinance;
import io.quantumgates.testkit.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The FakeBinance the Governor polls: the seed account (22 positions) when the testkit ships it, plus a mark for
 * every synthetic symbol, answering after a configurable latency.
 */
final class Exchange implements AutoCloseable {
    private static final String SEED = "fake-binance/seed-account.json";

    private final FakeBinance fake;

    private Exchange(FakeBinance fake) {
        this.fake = fake;
    }

    static Exchange start(long latencyMs, List<String> symbols) {
        FakeBinance fake = FakeBinance.start();
        try {
            fake.setCredentials(FakeBinance.DEFAULT_API_KEY, FakeBinance.DEFAULT_API_SECRET);
            String seed = seedJson();
            if (seed != null) {
                fake.loadState(seed);
            } else {
                fake.loadState("{\"wallet\": \"13661.00\", \"available\": \"0\", \"positions\": ["
                        + "{\"symbol\": \"BTCUSDT\", \"positionAmt\": \"0.4\", \"markPrice\": \"87412.30\"},"
                        + "{\"symbol\": \"ETHUSDT\", \"positionAmt\": \"6\", \"markPrice\": \"2948.15\"}], "
                        + "\"marks\": {\"SOLUSDT\": \"150.00\"}}");
            }
            for (int k = 0; k < symbols.size(); k++) {
                fake.setMark(symbols.get(k), Symbols.decimal(Symbols.mark(k), 2));
            }
            if (latencyMs > 0) {
                fake.inject(new Fault.Latency(latencyMs));
            }
            return new Exchange(fake);
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    private static String seedJson() {
        try (InputStream in = Exchange.class.getClassLoader().getResourceAsStream(SEED)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    String baseUrl() {
        return fake.baseUrl();
    }

    long totalWeight() {
        return fake.totalWeight();
    }

    int totalRequests() {
        return fake.requestCounts().values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Integer> requestCounts() {
        return fake.requestCounts();
    }

    @Override
    public void close() {
        fake.close();
    }
}
