package io.quantumgates.bench.jmh;

import io.quantumgates.heatgate.calibration.Calibration;
import io.quantumgates.heatgate.calibration.ExitCalibrator;
import io.quantumgates.heatgate.calibration.ShadowCompareLine;
import io.quantumgates.heatgate.heat.Exposure;
import io.quantumgates.heatgate.heat.Heat;
import io.quantumgates.heatgate.heat.HeatThresholds;
import io.quantumgates.heatgate.heat.PortfolioHeat;
import io.quantumgates.heatgate.heat.PortfolioView;
import io.quantumgates.heatgate.heat.SnapshotUpdate;
import io.quantumgates.heatgate.redis.Decoded;
import io.quantumgates.heatgate.redis.ProposalCodec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Heat Gate's pure per-entry work: one snapshot applied to the portfolio view (must be O(1), independent of
 * the number of symbols held), heat from the view, the calibration table, the SHADOW-COMPARE line, proposal decoding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeatGateCoreBenchmark {
    private static final int SNAPSHOTS = 1024;

    /** Symbols held by the view: the per-snapshot cost must not grow with it. */
    @Param({"20", "1000"})
    public int symbols;

    private PortfolioView view;
    private Map<String, String>[] snapshots;
    private Map<String, String> proposal;
    private ProposalCodec codec;
    private HeatThresholds thresholds;
    private Heat heat;
    private Calibration calibration;
    private long clock;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        view = new PortfolioView(300_000);
        snapshots = new Map[SNAPSHOTS];
        for (int n = 0; n < SNAPSHOTS; n++) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("symbol", String.format(Locale.ROOT, "B%03dUSDT", n % symbols));
            if (n % 2 == 0) {
                f.put("position_notional_usd", String.format(Locale.ROOT, "%.2f", 200.0 + (n % 37) * 50));
                f.put("sigma", String.format(Locale.ROOT, "%.2f", 0.02 + (n % 9) * 0.01));
            } else {
                f.put("position_qty", String.format(Locale.ROOT, "%.4f", (300.0 + (n % 23) * 40) / 7.0));
                f.put("mark_price", "7.00");
                f.put("volatility", "0.05");
            }
            snapshots[n] = f;
        }
        clock = 1_769_472_300_000L;
        for (int n = 0; n < Math.max(symbols, SNAPSHOTS); n++) {
            view.apply(snapshots[n % SNAPSHOTS], clock++);
        }
        proposal = new LinkedHashMap<>();
        proposal.put("symbol", "ETHUSDT");
        proposal.put("harvest_action", "FULL_CLOSE_PROPOSED");
        proposal.put("sigma", "0.15");
        proposal.put("R_net", "1.8");
        UUID fixed = UUID.fromString("3b241101-e2bb-4255-8caf-4136c566a962");
        codec = new ProposalCodec(() -> fixed);
        thresholds = HeatThresholds.defaults();
        heat = PortfolioHeat.of(view.exposure(clock), Optional.of("40000"), thresholds);
        calibration = ExitCalibrator.calibrate("FULL_CLOSE_PROPOSED", heat);
    }

    @Benchmark
    public SnapshotUpdate applySnapshot() {
        next = (next + 1) & (SNAPSHOTS - 1);
        return view.apply(snapshots[next], clock++);
    }

    @Benchmark
    public Heat heatFromView() {
        Exposure exposure = view.exposure(clock);
        return PortfolioHeat.of(exposure, Optional.of("40000"), thresholds);
    }

    @Benchmark
    public Calibration calibrateFullClose() {
        return ExitCalibrator.calibrate("FULL_CLOSE_PROPOSED", heat);
    }

    @Benchmark
    public Calibration calibratePartial() {
        return ExitCalibrator.calibrate("PARTIAL_50", heat);
    }

    @Benchmark
    public String shadowCompareLine() {
        return ShadowCompareLine.format("p26-1769472300000-0", calibration, heat);
    }

    @Benchmark
    public Decoded decodeProducerShapedProposal() {
        return codec.decode("1769472300000-0", 1_769_472_300_000L, proposal);
    }
}
