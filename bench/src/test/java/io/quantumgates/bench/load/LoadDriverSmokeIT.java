package io.quantumgates.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The load driver end to end on a few hundred entries through each daemon jar (built by the reactor before bench):
 * every entry gets exactly one outcome. No timing assertions: speed is measured by the driver, not tested here.
 */
class LoadDriverSmokeIT {
    private static final Path GOVERNOR_JAR = Path.of("../governor/target/quantum-governor.jar");
    private static final Path HEAT_GATE_JAR = Path.of("../heat-gate/target/quantum-heat-gate.jar");

    @Test
    void everyPlanThroughTheGovernorJarGetsExactlyOneDecision() throws Exception {
        assertThat(GOVERNOR_JAR).as("built by the reactor's governor module").isRegularFile();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        RunResult r = new LoadRun(smallRun(GOVERNOR_JAR), new PrintStream(log, true, StandardCharsets.UTF_8))
                .governor();

        assertThat(r.missing()).as(describe(r, log)).isZero();
        assertThat(r.duplicates()).isZero();
        assertThat(r.publishFailures()).isZero();
        assertThat(r.outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(r.outcomes()).containsKeys("ALLOW OPEN", "ALLOW CLOSE", "BLOCK notional_per_trade_exceeded");
        assertThat(r.limit()).hasValueSatisfying(l -> assertThat(l.entries()).isEqualTo(500));
        assertThat(r.peakRssKb()).hasSize(1).allMatch(kb -> kb > 0);
        assertThat(r.exitCodes()).containsExactly(0);
    }

    @Test
    void everyProposalThroughTheHeatGateJarGetsExactlyOneCalibratedEntry() throws Exception {
        assertThat(HEAT_GATE_JAR).as("built by the reactor's heat-gate module").isRegularFile();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        RunResult r = new LoadRun(smallRun(HEAT_GATE_JAR), new PrintStream(log, true, StandardCharsets.UTF_8))
                .heatGate();

        assertThat(r.missing()).as(describe(r, log)).isZero();
        assertThat(r.duplicates()).isZero();
        assertThat(r.publishFailures()).isZero();
        assertThat(r.outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(r.outcomes().keySet()).anyMatch(k -> k.endsWith("partial_unchanged"));
        assertThat(r.weightPerMinute()).as("no exchange behind the Heat Gate").isEqualTo(-1);
        assertThat(r.exitCodes()).containsExactly(0);
    }

    private static LoadOptions smallRun(Path jar) {
        LoadOptions o = new LoadOptions();
        o.jar = jar;
        o.count = 300;
        o.rate = 0;
        o.instances = 1;
        o.exchangeLatencyMs = 0;
        o.warmup = 50;
        o.limitCount = 500;
        o.idleTimeoutSeconds = 30;
        o.validate();
        return o;
    }

    private static String describe(RunResult r, ByteArrayOutputStream log) {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Report.print(r, new PrintStream(report, true, StandardCharsets.UTF_8), false);
        return log.toString(StandardCharsets.UTF_8) + report.toString(StandardCharsets.UTF_8);
    }
}
