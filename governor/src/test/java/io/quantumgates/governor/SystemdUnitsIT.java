package io.quantumgates.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped units pass {@code systemd-analyze verify}: unknown keys, bad values and a missing ExecStart binary
 * are all reported there (as warnings that do not change the exit code, hence the output is checked too).
 */
class SystemdUnitsIT {
    static final Path UNITS = Path.of("../deploy/systemd");

    @ParameterizedTest
    @ValueSource(strings = {"quantum-governor.service", "quantum-portfolio-heat-gate.service"})
    void unitPassesSystemdAnalyzeVerify(String unit) throws Exception {
        Path analyze = List.of(Path.of("/usr/bin/systemd-analyze"), Path.of("/bin/systemd-analyze")).stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseGet(() -> fail("systemd-analyze not found: install it (apt-get install -y systemd; .ci/run does)"));
        // The unit runs /usr/bin/java (Debian's JDK): verify checks that ExecStart exists, so it must here too.
        assertThat(Path.of("/usr/bin/java")).as("the units' ExecStart binary").isExecutable();

        Path file = UNITS.resolve(unit).toAbsolutePath().normalize();
        Process p = new ProcessBuilder(analyze.toString(), "verify", file.toString()).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("systemd-analyze verify " + unit + " did not finish in 60 s");
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as("systemd-analyze verify exit code; output:%n%s", output).isZero();
        assertThat(output.lines().filter(l -> l.contains(unit) || l.contains("quantum")))
                .as("systemd-analyze verify complaints about %s", unit)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"quantum-governor.service", "quantum-portfolio-heat-gate.service"})
    void unitCarriesTheContractSettings(String unit) throws IOException {
        String text = Files.readString(UNITS.resolve(unit));
        String name = unit.replace(".service", "");
        String envFile = unit.contains("governor") ? "/etc/quantum/governor.env" : "/etc/quantum/portfolio-heat-gate.env";

        assertThat(text.lines().map(String::strip))
                .contains("User=qt", "Restart=always", "RestartPreventExitStatus=2", "SyslogIdentifier=" + name,
                        "EnvironmentFile=" + envFile, "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
                        "PrivateTmp=yes");
        assertThat(text).containsPattern("(?m)^MemoryMax=\\d+M$").containsPattern("(?m)^TimeoutStopSec=\\d+$")
                .containsPattern("(?m)^ExecStart=/usr/bin/java .*-Xmx\\d+m .*-jar /opt/quantum-gates/quantum-");
        long heapMb = Long.parseLong(text.replaceAll("(?s).*-Xmx(\\d+)m.*", "$1"));
        long memoryMaxMb = Long.parseLong(text.replaceAll("(?s).*\nMemoryMax=(\\d+)M.*", "$1"));
        assertThat(heapMb).as("heap leaves room for metaspace, direct buffers and stacks under MemoryMax")
                .isLessThanOrEqualTo(memoryMaxMb * 6 / 10);
        // StartLimit* belong in [Unit]: in [Service] systemd ignores them with only a warning.
        String unitSection = text.substring(text.indexOf("[Unit]"), text.indexOf("[Service]"));
        assertThat(unitSection).contains("StartLimitIntervalSec=").contains("StartLimitBurst=");
    }
}
