package io.quantumgates.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command, end to end: {@code ./demo.sh} starts redis-server, FakeBinance and both daemon jars, plays
 * the seed scenario and exits non-zero on any unexpected outcome. Lives in bench because bench is built after both
 * daemons, so their jars exist when failsafe runs it.
 */
class DemoIT {
    static final Path DEMO = Path.of("../demo.sh").toAbsolutePath().normalize();
    static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path dir;

    @Test
    void demoPlaysTheSeedScenarioAndStopsEverythingItStarted() throws Exception {
        Path log = dir.resolve("demo.out");
        ProcessBuilder builder = new ProcessBuilder("bash", DEMO.toString())
                .directory(DEMO.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("REDIS_URL"); // the demo must start its own Redis here
        Process demo = builder.start();
        if (!demo.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            demo.descendants().forEach(ProcessHandle::destroy);
            demo.destroy();
            demo.waitFor(20, TimeUnit.SECONDS);
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            fail("demo.sh did not finish in " + TIMEOUT_SECONDS + " s; output:%n%s", Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(demo.exitValue()).as("demo.sh exit code; output:%n%s", out).isZero();
        assertThat(out).contains("DEMO OK");
        assertThat(out).containsPattern("22 positions, total notional \\$118844\\.14, wallet \\$13661\\.00 +ok");
        assertThat(out)
                .containsPattern("BTCUSDT +CLOSE PARTIAL_75 .* ALLOW +none +ok")
                .containsPattern("ETHUSDT +CLOSE FULL_CLOSE_PROPOSED .* ALLOW +none +ok")
                .containsPattern("BTCUSDT +OPEN BUY 0\\.002 .* BLOCK +symbol_cooldown +remaining_s=\\d+\\.\\d +ok")
                .containsPattern("SOLUSDT +OPEN BUY 1\\.0 .* BLOCK +max_positions_reached +projected=23 max=10 +ok")
                .containsPattern("XRPUSDT +CLOSE FULL_CLOSE with kill on +BLOCK +kill_switch_active +ok")
                .containsPattern("DOGEUSDT +CLOSE side=CLOSE after kill off +ALLOW +none +ok");
        assertThat(out)
                .containsPattern("FULL_CLOSE_PROPOSED +10000 +0\\.1000 COLD +PARTIAL_25 +portfolio_heat_cold +ok")
                .containsPattern("FULL_CLOSE_PROPOSED +2500 +0\\.4000 WARM +PARTIAL_75 +portfolio_heat_warm +ok")
                .containsPattern("FULL_CLOSE_PROPOSED +1250 +0\\.8000 HOT +FULL_CLOSE_PROPOSED +portfolio_heat_hot +ok")
                .containsPattern("PARTIAL_50 +1250 +0\\.8000 HOT +PARTIAL_50 +partial_unchanged +ok");
        assertThat(out)
                .contains("governor  | ").contains("Fund caps: 10 positions, $200.0/trade, $2000.0 total")
                .contains("- ALLOWED CLOSE")
                .contains("BLOCKED plan").contains("- symbol_cooldown (remaining_s=")
                .contains("heat-gate | ").contains("SHADOW-COMPARE:").contains("DOWNGRADE: ETHUSDT FULL_CLOSE_PROPOSED")
                .contains("PASS: ETHUSDT");
        assertThat(out).as("no secret in the demo's output").doesNotContain("fake-api-secret-9876543210");

        for (int port : startedPorts(out)) {
            assertThat(listening(port)).as("port %d still served after demo.sh exited; output:%n%s", port, out).isFalse();
        }
    }

    /** Redis, FakeBinance and both metrics ports, as the demo announced them. */
    private static List<Integer> startedPorts(String out) {
        List<Integer> ports = new ArrayList<>();
        Matcher m = Pattern.compile("(?:redis-server on 127\\.0\\.0\\.1:|FakeBinance at http://127\\.0\\.0\\.1:|metrics :)(\\d+)")
                .matcher(out);
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        assertThat(ports).as("ports announced by demo.sh").hasSize(4);
        return ports;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
