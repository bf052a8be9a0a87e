package io.quantumgates.bench.jmh;

import io.quantumgates.common.redis.StreamEntry;
import io.quantumgates.governor.policy.ApplyMode;
import io.quantumgates.governor.policy.BlockReason;
import io.quantumgates.governor.policy.DecisionLog;
import io.quantumgates.governor.policy.Decoded;
import io.quantumgates.governor.policy.Evaluation;
import io.quantumgates.governor.policy.LogLine;
import io.quantumgates.governor.policy.Limits;
import io.quantumgates.governor.policy.Plan;
import io.quantumgates.governor.policy.PlanClass;
import io.quantumgates.governor.policy.PlanCodec;
import io.quantumgates.governor.policy.Records;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Governor's pure per-plan work: decoding an entry (validation, classification, numbers), the §3.10 log lines
 * after the atomic step, and the JSON records. Everything a decision costs besides Redis.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GovernorCoreBenchmark {
    private static final String PLANS = "quantum:stream:apply.plan";

    private StreamEntry openEntry;
    private StreamEntry closeEntry;
    private StreamEntry intentBridgeClose;
    private Plan openPlan;
    private Plan closePlan;
    private Limits caps;
    private Evaluation allowOpen;
    private Evaluation blockOpen;
    private Evaluation allowClose;
    private List<Object> scriptReply;

    @Setup
    public void setUp() {
        openEntry = entry("1769471894010-0", "plan_id", "73071774b2c9d0e4", "symbol", "SOLUSDT", "side", "BUY",
                "qty", "1.0", "reduceOnly", "false", "source", "intent_bridge", "decision", "EXECUTE",
                "kill_score", "0.100");
        closeEntry = entry("1769471881204-0", "plan_id", "9f3a61c2d4b7e810", "symbol", "BTCUSDT", "action",
                "PARTIAL_75", "kill_score", "0.412", "decision", "EXECUTE");
        intentBridgeClose = entry("1769471892404-0", "plan_id", "14c14c88e0a5b3f1", "symbol", "BTCUSDT", "side",
                "SELL", "qty", "0.002", "reduceOnly", "true", "source", "intent_bridge", "decision", "EXECUTE");
        openPlan = ((Decoded.Valid) PlanCodec.decode(openEntry)).plan();
        closePlan = ((Decoded.Valid) PlanCodec.decode(closeEntry)).plan();
        caps = new Limits(30, new BigDecimal("200"), new BigDecimal("200000"), 60, 3, 2, new BigDecimal("5000"),
                new BigDecimal("0.02"), new BigDecimal("0.8"));
        allowOpen = Evaluation.of("verdict", "ALLOW", "permit_qty", "1.0", "permit_notional", "150.0",
                "projected_positions", "23", "notional", "150.0", "projected_total", "118994.14", "open_total",
                "118844.14", "reserved", "0");
        blockOpen = Evaluation.of("verdict", "BLOCK", "reason", BlockReason.NOTIONAL_PER_TRADE_EXCEEDED.code(),
                "detail", "notional=250.00 max=200.0", "projected_positions", "23", "notional", "250.0");
        allowClose = Evaluation.of("verdict", "ALLOW", "permit_qty", "0.0", "permit_notional", "0.0");
        scriptReply = List.of("verdict", "ALLOW", "permit_qty", "1.0", "permit_notional", "150.0",
                "projected_positions", "23", "notional", "150.0", "projected_total", "118994.14", "open_total",
                "118844.14", "reserved", "0", "audit_id", "1769471894011-0");
    }

    private static StreamEntry entry(String id, String... kv) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            fields.put(kv[i], kv[i + 1]);
        }
        return new StreamEntry(PLANS, "governor", id, fields, 1);
    }

    @Benchmark
    public Decoded decodeOpenPlan() {
        return PlanCodec.decode(openEntry);
    }

    @Benchmark
    public Decoded decodeClosePlan() {
        return PlanCodec.decode(closeEntry);
    }

    @Benchmark
    public Decoded decodeIntentBridgeClose() {
        return PlanCodec.decode(intentBridgeClose);
    }

    @Benchmark
    public PlanClass.Classification classifyOpen() {
        return PlanClass.classify("", "false", "BUY");
    }

    @Benchmark
    public Evaluation parseScriptReply() {
        return Evaluation.fromReply(scriptReply);
    }

    @Benchmark
    public LogLine evaluatingLine() {
        return DecisionLog.evaluating(openPlan, ApplyMode.TESTNET);
    }

    @Benchmark
    public List<LogLine> linesAfterAllowOpen() {
        return DecisionLog.after(openPlan, ApplyMode.TESTNET, caps, allowOpen, "");
    }

    @Benchmark
    public List<LogLine> linesAfterBlockOpen() {
        return DecisionLog.after(openPlan, ApplyMode.TESTNET, caps, blockOpen, "");
    }

    @Benchmark
    public List<LogLine> linesAfterAllowClose() {
        return DecisionLog.after(closePlan, ApplyMode.TESTNET, caps, allowClose, "");
    }

    @Benchmark
    public String permitRecord() {
        return Records.permit("SOLUSDT", 1.0, 150.0, 1769471894010L);
    }

    @Benchmark
    public String blockRecord() {
        return Records.block(BlockReason.NOTIONAL_PER_TRADE_EXCEEDED, "SOLUSDT", "notional=250.00 max=200.0",
                1769471894010L);
    }
}
