package io.quantumgates.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeBinanceMainIT {
    @Test
    void shadedJarServesTheStateFileOnTheAnnouncedPort() throws Exception {
        Path jar = Path.of("target/quantum-fake-binance.jar");
        assertThat(jar).exists();
        Path state = Files.createTempFile("fake-binance-state", ".json");
        Files.writeString(state, "{\"wallet\": \"100.00\", \"available\": \"50.00\", \"positions\": [], "
                + "\"marks\": {\"SOLUSDT\": \"150.00\"}}");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0", "--state", state.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("FakeBinance listening on "));
            assertThat(line).matches("FakeBinance listening on http://127\\.0\\.0\\.1:\\d+");
            String base = line.substring("FakeBinance listening on ".length());

            HttpResponse<String> mark = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/fapi/v1/premiumIndex?symbol=SOLUSDT"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(mark.statusCode()).isEqualTo(200);
            assertThat(mark.body()).contains("\"symbol\":\"SOLUSDT\"").contains("\"markPrice\":\"150.00000000\"");
            assertThat(mark.headers().firstValue("x-mbx-used-weight-1m")).contains("1");
        } finally {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(state);
        }
    }
}
