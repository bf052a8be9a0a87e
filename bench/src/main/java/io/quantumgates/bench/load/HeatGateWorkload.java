package io.quantumgates.bench.load;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proposals in the real producer's shape (mostly {@code harvest_action=FULL_CLOSE_PROPOSED}, some explicit
 * {@code action}s and partials) over many symbols, with a position snapshot (both producer shapes) published before
 * every {@code snapshotEvery}-th proposal, so the heat is updated while proposals are calibrated.
 */
final class HeatGateWorkload implements Workload {
    static final String PROPOSALS = "quantum:stream:harvest.proposal";
    static final String CALIBRATED = "quantum:stream:harvest.calibrated";
    static final String SNAPSHOTS = "quantum:stream:position.snapshot";
    static final String PORTFOLIO = "quantum:state:portfolio";

    private final List<String> symbols;
    private final int snapshotEvery;
    private final String mode;
    private final Map<String, String> extraEnv;

    HeatGateWorkload(int symbolCount, int snapshotEvery, String mode, Map<String, String> extraEnv) {
        this.symbols = Symbols.names(symbolCount);
        this.snapshotEvery = snapshotEvery;
        this.mode = mode;
        this.extraEnv = extraEnv;
    }

    @Override
    public String name() {
        return "heatgate";
    }

    @Override
    public String inputStream() {
        return PROPOSALS;
    }

    @Override
    public String group() {
        return "p26_heat_gate";
    }

    @Override
    public String outcomeStream() {
        return CALIBRATED;
    }

    @Override
    public String outcomeLabel(Map<String, String> fields) {
        return fields.getOrDefault("heat_bucket", "?") + " " + fields.getOrDefault("reason", "?");
    }

    @Override
    public Map<String, String> entry(int i, String planId) {
        String symbol = symbols.get((int) ((i * 2654435761L) % symbols.size()));
        Map<String, String> f = new LinkedHashMap<>();
        f.put("plan_id", planId);
        f.put("symbol", symbol);
        switch (i % 5) {
            case 0 -> f.put("action", "FULL_CLOSE");
            case 1 -> f.put("action", "PARTIAL_50");
            default -> f.put("harvest_action", "FULL_CLOSE_PROPOSED");
        }
        f.put("sigma", Symbols.decimal(0.01 + (i % 13) * 0.01, 2));
        f.put("R_net", "1.8");
        f.put("source", "harvest_publisher");
        return f;
    }

    @Override
    public List<Side> sideEntries(int i) {
        if (snapshotEvery <= 0 || i % snapshotEvery != 0) {
            return List.of();
        }
        return List.of(new Side(SNAPSHOTS, snapshot(i / snapshotEvery)));
    }

    private Map<String, String> snapshot(int n) {
        int k = (int) ((n * 40503L) % symbols.size());
        Map<String, String> f = new LinkedHashMap<>();
        f.put("symbol", symbols.get(k));
        if (n % 2 == 0) {
            f.put("position_notional_usd", Symbols.decimal(200 + (n % 37) * 50, 2));
            f.put("sigma", Symbols.decimal(0.02 + (n % 9) * 0.01, 2));
        } else {
            double mark = Symbols.mark(k);
            f.put("position_qty", Symbols.decimal((300 + (n % 23) * 40) / mark, 4));
            f.put("mark_price", Symbols.decimal(mark, 2));
            f.put("volatility", "0.05");
        }
        return f;
    }

    @Override
    public void prepare(RedisCommands<String, String> redis) {
        // Equity such that the book of a few hundred symbols sits around WARM: every calibration branch runs.
        redis.hset(PORTFOLIO, "equity_usd", "40000");
        for (int n = 0; n < symbols.size(); n++) {
            redis.xadd(SNAPSHOTS, snapshot(n));
        }
    }

    @Override
    public boolean ready(RedisCommands<String, String> redis) {
        return true;
    }

    @Override
    public Map<String, String> env(int instance, String redisUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REDIS_URL", redisUrl);
        env.put("P26_MODE", mode);
        env.put("P26_METRICS_PORT", "0");
        env.put("P26_CONSUMER_NAME", "bench-hg-" + instance);
        env.putAll(extraEnv);
        return env;
    }
}
