package io.quantumgates.heatgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.heatgate.redis.Keys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shaded jar as operators run it: stdout lines, signals, exit codes. */
class HeatGateJarIT {
    private static final String PREFIX = "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\[(INFO|WARNING|ERROR)\\] \\[P2\\.6-HEAT-GATE\\] ";
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();
    private static RedisCommands<String, String> redis;

    @BeforeAll
    static void redisHandle() {
        redis = testRedis.redis();
    }

    private static Map<String, String> env(String... extra) {
        Map<String, String> env = new HashMap<>(Map.of("REDIS_URL", testRedis.server().uri(), "P26_METRICS_PORT", "0",
                "P26_POLL_SEC", "0.2", "P26_CONSUMER_NAME", "jar-gate"));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    private static void awaitLine(GateProcess gate, String contains) {
        await().atMost(Duration.ofSeconds(20)).until(() -> gate.output().contains(contains));
    }

    @Test
    void shadowCompareLineAndStartupBannerMatchTheContractAndSigtermExitsZero() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        redis.xadd(Keys.SNAPSHOTS, Map.of("symbol", "ETHUSDT", "position_notional_usd", "1800", "sigma", "0.15"));
        try (GateProcess gate = GateProcess.start(env())) {
            awaitLine(gate, "Initial Portfolio Heat");
            redis.xadd(Keys.PROPOSALS, Map.of("plan_id", "test1", "symbol", "ETHUSDT",
                    "harvest_action", "FULL_CLOSE_PROPOSED"));
            awaitLine(gate, "SHADOW-COMPARE");
            gate.sigterm();
            assertThat(gate.waitFor()).isZero();
            List<String> lines = gate.lines();
            assertThat(lines).anyMatch(l -> l.matches(PREFIX.replace("(INFO|WARNING|ERROR)", "INFO")
                    + "🔍 SHADOW-COMPARE: test1 \\| proposal=FULL_CLOSE_PROPOSED vs calibrated=PARTIAL_25 \\| "
                    + "heat=0\\.0270 COLD \\| downgraded=True reason=portfolio_heat_cold$"));
            assertThat(lines).anyMatch(l -> l.matches(PREFIX.replace("(INFO|WARNING|ERROR)", "WARNING")
                    + "⚠️  DOWNGRADE: ETHUSDT FULL_CLOSE_PROPOSED → PARTIAL_25 \\(heat=0\\.0270 COLD, "
                    + "reason=portfolio_heat_cold\\)$"));
            List<String> messages = lines.stream().filter(l -> l.matches(PREFIX + ".*"))
                    .map(l -> l.replaceFirst(PREFIX, "")).toList();
            String rule = "=".repeat(80);
            assertThat(messages).containsSubsequence(
                    "✅ Created consumer group: p26_heat_gate", rule, "P2.6 Portfolio Heat Gate - Hedge Fund OS", rule,
                    "Redis: 127.0.0.1:" + testRedis.server().port() + "/0", "Mode: SHADOW",
                    "Heat Thresholds: COLD < 0.25 < WARM < 0.65 < HOT", "Consumer: p26_heat_gate / jar-gate",
                    "Input: quantum:stream:harvest.proposal", "Output: quantum:stream:harvest.calibrated",
                    "Metrics: :0/metrics", rule, "🚀 Portfolio Heat Gate started",
                    "📊 Initial Portfolio Heat: 0.0270 (COLD)", "📥 Proposal: test1 | ETHUSDT FULL_CLOSE_PROPOSED");
        }
    }

    @Test
    void jsonLogLinesCarryPlanIdSymbolReasonAndOutcome() throws Exception {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        redis.xadd(Keys.SNAPSHOTS, Map.of("symbol", "ETHUSDT", "position_notional_usd", "1800", "sigma", "0.15"));
        try (GateProcess gate = GateProcess.start(env("LOG_FORMAT", "json"))) {
            awaitLine(gate, "Initial Portfolio Heat");
            redis.xadd(Keys.PROPOSALS, Map.of("plan_id", "jsonplan1", "symbol", "ETHUSDT", "action", "FULL_CLOSE"));
            awaitLine(gate, "SHADOW-COMPARE");
            gate.sigterm();
            assertThat(gate.waitFor()).isZero();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            List<Map<String, Object>> records = new java.util.ArrayList<>();
            for (String line : gate.lines()) {
                if (line.startsWith("{")) { // anything else would be the JVM's, not a log line
                    records.add(json.readValue(line, new com.fasterxml.jackson.core.type.TypeReference<>() {}));
                }
            }
            Map<String, Object> downgrade = records.stream()
                    .filter(r -> String.valueOf(r.get("msg")).contains("DOWNGRADE")).findFirst().orElseThrow();
            assertThat(downgrade).containsEntry("level", "WARNING").containsEntry("service", "quantum-heat-gate")
                    .containsEntry("plan_id", "jsonplan1").containsEntry("symbol", "ETHUSDT")
                    .containsEntry("reason", "portfolio_heat_cold").containsEntry("outcome", "PARTIAL_25")
                    .containsEntry("msg", "[P2.6-HEAT-GATE] ⚠️  DOWNGRADE: ETHUSDT FULL_CLOSE → PARTIAL_25 "
                            + "(heat=0.0270 COLD, reason=portfolio_heat_cold)");
            assertThat(String.valueOf(downgrade.get("ts"))).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            Map<String, Object> shadow = records.stream()
                    .filter(r -> String.valueOf(r.get("msg")).contains("SHADOW-COMPARE")).findFirst().orElseThrow();
            assertThat(shadow).containsEntry("plan_id", "jsonplan1").containsEntry("outcome", "PARTIAL_25");
            Map<String, Object> banner = records.stream()
                    .filter(r -> String.valueOf(r.get("msg")).contains("Mode: SHADOW")).findFirst().orElseThrow();
            assertThat(banner).doesNotContainKeys("plan_id", "symbol", "reason", "outcome");
        }
    }

    @Test
    void sigkillMidStreamThenRestartWritesExactlyOneOutputPerProposal() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "10000");
        int proposals = 3000;
        for (int i = 0; i < proposals; i++) {
            redis.xadd(Keys.PROPOSALS, Map.of("plan_id", "plan-" + i, "symbol", "ETHUSDT", "action", "FULL_CLOSE"));
        }
        try (GateProcess first = GateProcess.start(env("P26_LOG_LEVEL", "WARNING"))) {
            // poll tightly: the pipelined daemon gets through thousands a second, and the kill must land mid-stream
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> redis.xlen(Keys.CALIBRATED) > 0);
            first.sigkill();
        }
        long afterKill = redis.xlen(Keys.CALIBRATED);
        try (GateProcess second = GateProcess.start(env("P26_LOG_LEVEL", "WARNING"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> redis.xlen(Keys.CALIBRATED) >= proposals
                    && redis.xpending(Keys.PROPOSALS, Keys.GROUP).getCount() == 0);
            second.sigterm();
            assertThat(second.waitFor()).isZero();
        }
        List<StreamMessage<String, String>> outputs = redis.xrange(Keys.CALIBRATED, Range.unbounded());
        Set<String> sources = outputs.stream().map(m -> m.getBody().get("source_id")).collect(Collectors.toSet());
        assertThat(afterKill).isLessThan(proposals);
        assertThat(outputs).hasSize(proposals);
        assertThat(sources).hasSize(proposals);
    }

    @Test
    void heatMinAboveHeatMaxStopsStartupWithExitTwoNamingHeatMin() {
        try (GateProcess gate = GateProcess.start(env("HEAT_MIN", "0.7", "HEAT_MAX", "0.6"))) {
            assertThat(gate.waitFor()).isEqualTo(2);
            assertThat(gate.output()).containsPattern(PREFIX.replace("^", "").replace("(INFO|WARNING|ERROR)", "ERROR")
                    + "Invalid configuration: HEAT_MIN='0\\.7' \\(expected ");
        }
    }

    @Test
    void unknownModeStopsStartupWithExitTwoNamingIt() {
        try (GateProcess gate = GateProcess.start(env("P26_MODE", "loud"), "run")) {
            assertThat(gate.waitFor()).isEqualTo(2);
            assertThat(gate.output()).contains("Invalid configuration: P26_MODE='loud' (expected");
        }
    }

    @Test
    void versionPrintsTheNameAndManifestVersion() {
        try (GateProcess gate = GateProcess.start(Map.of(), "--version")) {
            assertThat(gate.waitFor()).isZero();
            assertThat(gate.output()).isEqualTo("quantum-heat-gate 0.1.0\n");
        }
    }

    @Test
    void unknownCommandIsAUsageError() {
        try (GateProcess gate = GateProcess.start(Map.of(), "frobnicate")) {
            assertThat(gate.waitFor()).isEqualTo(2);
        }
    }

    @Test
    void checkConfigListsEveryVariableHidesThePasswordAndFailsOnErrors() throws Exception {
        Path bad = Files.createTempFile("gate", ".env");
        Files.writeString(bad, "# heat gate\nREDIS_PASSWORD=hunter2\nHEAT_MIN=0.7\nHEAT_MAX=0.6\nP26_MODE=loud\n"
                + "P26_MODEE=shadow\n");
        try (GateProcess gate = GateProcess.start(Map.of(), "check-config", "--env-file", bad.toString())) {
            assertThat(gate.waitFor()).isEqualTo(1);
            String out = gate.output();
            assertThat(out).doesNotContain("hunter2").contains("REDIS_PASSWORD=***  OK")
                    .contains("HEAT_MIN=0.7  ERROR Invalid configuration: HEAT_MIN='0.7'")
                    .contains("P26_MODE=loud  ERROR Invalid configuration: P26_MODE='loud'")
                    .contains("P26_MODEE=shadow  WARNING unknown variable")
                    .contains("P26_OUTPUT_MAXLEN=(unset: default)  OK");
        }
        Path good = Files.createTempFile("gate", ".env");
        Files.writeString(good, "P26_MODE=enforce\nHEAT_MIN=0.2\n");
        try (GateProcess gate = GateProcess.start(Map.of(), "check-config", "--env-file", good.toString())) {
            assertThat(gate.waitFor()).isZero();
            assertThat(gate.output()).contains("P26_MODE=enforce  OK").contains("Configuration OK");
        }
    }

    @Test
    void statusShowsHeatFromTheSameInputsAndTheLastOutputs() {
        redis.hset(Keys.PORTFOLIO, "equity_usd", "1000");
        redis.xadd(Keys.SNAPSHOTS, Map.of("symbol", "ETHUSDT", "position_qty", "0.6", "mark_price", "3000",
                "sigma", "0.15"));
        try (GateProcess gate = GateProcess.start(env())) {
            awaitLine(gate, "Initial Portfolio Heat");
            redis.xadd(Keys.PROPOSALS, Map.of("plan_id", "test1", "symbol", "ETHUSDT", "action", "FULL_CLOSE"));
            awaitLine(gate, "SHADOW-COMPARE");
            gate.sigterm();
            assertThat(gate.waitFor()).isZero();
        }
        try (GateProcess status = GateProcess.start(env(), "status")) {
            assertThat(status.waitFor()).isZero();
            assertThat(status.output()).contains("Mode: SHADOW")
                    .contains("Heat Thresholds: COLD < 0.25 < WARM < 0.65 < HOT")
                    .contains("Group: p26_heat_gate on quantum:stream:harvest.proposal: lag=0 pending=0")
                    .contains("Heat: 0.2700 (WARM) status=ok equity_usd=1000 symbols=1")
                    .contains("test1 ETHUSDT FULL_CLOSE -> PARTIAL_75 heat=0.2700 WARM reason=portfolio_heat_warm");
        }
    }
}
