package io.quantumgates.bench.load;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans in the producers' shapes over many symbols, 4 in 10 CLOSE-class (action, reduceOnly, side), 6 in 10 OPEN of
 * which one is over the per-trade cap: the Governor issues permits AND blocks, both measured. Caps are raised so the
 * other OPENs pass; the cooldown is off so a symbol can be traded again at once.
 */
final class GovernorWorkload implements Workload {
    static final String PLANS = "quantum:stream:apply.plan";
    static final String AUDIT = "quantum:stream:governor.decisions";
    static final String META = "quantum:governor:exchange:meta";
    /** Per-trade cap; OPENs are sized below it except the deliberate oversize ones. */
    static final int PER_TRADE_CAP = 1000;

    private final List<String> symbols;
    private final String exchangeUrl;
    private final String apiKey;
    private final String apiSecret;
    private final Map<String, String> extraEnv;

    GovernorWorkload(int symbolCount, String exchangeUrl, String apiKey, String apiSecret, Map<String, String> extraEnv) {
        this.symbols = Symbols.names(symbolCount);
        this.exchangeUrl = exchangeUrl;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.extraEnv = extraEnv;
    }

    List<String> symbols() {
        return symbols;
    }

    @Override
    public String name() {
        return "governor";
    }

    @Override
    public String inputStream() {
        return PLANS;
    }

    @Override
    public String group() {
        return "governor";
    }

    @Override
    public String outcomeStream() {
        return AUDIT;
    }

    @Override
    public String outcomeLabel(Map<String, String> fields) {
        String outcome = fields.getOrDefault("outcome", "?");
        return "ALLOW".equals(outcome) ? outcome + " " + fields.getOrDefault("class", "?")
                : outcome + " " + fields.getOrDefault("reason", "?");
    }

    @Override
    public Map<String, String> entry(int i, String planId) {
        int k = (int) ((i * 2654435761L) % symbols.size());
        String symbol = symbols.get(k);
        double mark = Symbols.mark(k);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("plan_id", planId);
        f.put("decision", "EXECUTE");
        f.put("symbol", symbol);
        switch (i % 10) {
            case 0, 1 -> { // apply layer close
                f.put("action", i % 20 == 0 ? "FULL_CLOSE_PROPOSED" : "PARTIAL_75");
                f.put("kill_score", "0.412");
            }
            case 2 -> { // intent bridge close
                f.put("side", "SELL");
                f.put("qty", Symbols.decimal(50 / mark, 4));
                f.put("reduceOnly", "true");
                f.put("source", "intent_bridge");
            }
            case 3 -> { // manual close
                f.put("action", "MANUAL_CLOSE");
                f.put("side", "CLOSE");
            }
            case 9 -> { // OPEN over the per-trade cap: blocked
                f.put("side", "BUY");
                f.put("qty", Symbols.decimal(2.5 * PER_TRADE_CAP / mark, 4));
                f.put("reduceOnly", "false");
                f.put("source", "intent_bridge");
            }
            default -> { // OPEN within the caps: permitted
                f.put("side", i % 2 == 0 ? "BUY" : "SELL");
                f.put("qty", Symbols.decimal((100 + 80 * (i % 7)) / mark, 4));
                f.put("reduceOnly", "false");
                f.put("kill_score", "0.100");
                f.put("source", "intent_bridge");
            }
        }
        return f;
    }

    @Override
    public List<Side> sideEntries(int i) {
        return List.of();
    }

    @Override
    public void prepare(RedisCommands<String, String> redis) {
        // everything comes from the exchange snapshot the daemon installs itself
    }

    @Override
    public boolean ready(RedisCommands<String, String> redis) {
        String installed = redis.hget(META, "installed_at_ms");
        return installed != null && !installed.isEmpty();
    }

    @Override
    public Map<String, String> env(int instance, String redisUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REDIS_URL", redisUrl);
        env.put("APPLY_MODE", "testnet");
        env.put("BINANCE_BASE_URL", exchangeUrl);
        env.put("BINANCE_TESTNET_API_KEY", apiKey);
        env.put("BINANCE_TESTNET_API_SECRET", apiSecret);
        env.put("GOV_MAX_OPEN_POSITIONS", "1000000");
        env.put("GOV_MAX_NOTIONAL_PER_TRADE_USDT", Integer.toString(PER_TRADE_CAP));
        env.put("GOV_MAX_TOTAL_NOTIONAL_USDT", "1000000000000");
        env.put("GOV_SYMBOL_COOLDOWN_SECONDS", "0");
        env.put("GOV_CONSUMER_NAME", "bench-gov-" + instance);
        env.put("METRICS_PORT", "0");
        env.putAll(extraEnv);
        return env;
    }
}
