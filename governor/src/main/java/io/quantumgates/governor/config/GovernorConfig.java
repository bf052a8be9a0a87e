package io.quantumgates.governor.config;

import io.quantumgates.common.binance.BinanceCredentials;
import io.quantumgates.common.config.ConfigException;
import io.quantumgates.common.config.Env;
import io.quantumgates.common.config.RedisSettings;
import io.quantumgates.governor.GovernorKeys;
import io.quantumgates.governor.policy.ApplyMode;
import io.quantumgates.governor.policy.Limits;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the Governor reads from the environment (§2.3), validated once at start. A bad value throws
 * {@link ConfigException} whose message is the contract's {@code Invalid configuration: …} line.
 *
 * @param exchangePollMs as configured; {@link #effectivePollMs} is what the weight budget allows (≥ 750 ms)
 * @param warnings start-up WARNING lines (unknown names, a short max age)
 */
public record GovernorConfig(
        ApplyMode mode,
        Limits limits,
        boolean autoDisarm,
        boolean disarmOnBurstBreach,
        int disarmOnErrorCount,
        int exchangePollMs,
        int exchangeMaxAgeMs,
        int reservationTtlSec,
        int claimIdleMs,
        int maxDeliveries,
        String consumerName,
        int metricsPort,
        String streamPlans,
        String streamResults,
        String streamEvents,
        String applyConfigPath,
        String binanceBaseUrl,
        BinanceCredentials credentials,
        RedisSettings redis,
        String logFormat,
        List<String> warnings) {

    /** The weight budget (15 per cycle, ≤ 1200/min) stretches shorter periods to this. */
    public static final int MIN_EFFECTIVE_POLL_MS = 750;
    public static final String TESTNET_URL = "https://testnet.binancefuture.com";
    public static final String PRODUCTION_URL = "https://fapi.binance.com";

    public GovernorConfig {
        warnings = List.copyOf(warnings);
    }

    public int effectivePollMs() {
        return Math.max(exchangePollMs, MIN_EFFECTIVE_POLL_MS);
    }

    /** The variable names holding this mode's key and secret. */
    public String apiKeyName() {
        return mode == ApplyMode.PRODUCTION ? "BINANCE_API_KEY" : "BINANCE_TESTNET_API_KEY";
    }

    public String apiSecretName() {
        return mode == ApplyMode.PRODUCTION ? "BINANCE_API_SECRET" : "BINANCE_TESTNET_API_SECRET";
    }

    public static GovernorConfig from(Env env) {
        String logFormat = env.oneOf("LOG_FORMAT", "text", "text", "json");
        ApplyMode mode = ApplyMode.fromCode(env.oneOf("APPLY_MODE", "testnet", "testnet", "dry_run", "production"))
                .orElseThrow();
        Limits limits = new Limits(
                env.integer("GOV_MAX_OPEN_POSITIONS", 10, 0, Integer.MAX_VALUE),
                env.decimal("GOV_MAX_NOTIONAL_PER_TRADE_USDT", "200", BigDecimal.ZERO, null),
                env.decimal("GOV_MAX_TOTAL_NOTIONAL_USDT", "2000", BigDecimal.ZERO, null),
                env.integer("GOV_SYMBOL_COOLDOWN_SECONDS", 60, 0, Integer.MAX_VALUE),
                env.integer("GOV_MAX_EXEC_PER_HOUR", 3, 0, Integer.MAX_VALUE),
                env.integer("GOV_MAX_EXEC_PER_5MIN", 2, 0, Integer.MAX_VALUE),
                env.decimal("GOV_MAX_REDUCE_NOTIONAL_PER_DAY_USD", "5000", BigDecimal.ZERO, null),
                env.decimal("GOV_MAX_REDUCE_QTY_PER_DAY", "0.02", BigDecimal.ZERO, null),
                env.decimal("GOV_KILL_SCORE_CRITICAL", "0.8", BigDecimal.ZERO, null));
        boolean autoDisarm = env.bool("GOV_ENABLE_AUTO_DISARM", true);
        boolean disarmOnBurst = env.bool("GOV_DISARM_ON_BURST_BREACH", true);
        int errorCount = env.integer("GOV_DISARM_ON_ERROR_COUNT", 5, 1, Integer.MAX_VALUE);
        int pollMs = env.integer("GOV_EXCHANGE_POLL_MS", 1000, 200, 60000);
        int effectivePoll = Math.max(pollMs, MIN_EFFECTIVE_POLL_MS);
        int maxAgeMs = env.integer("GOV_EXCHANGE_MAX_AGE_MS", 5000, 1, Integer.MAX_VALUE);
        if (maxAgeMs <= effectivePoll) {
            throw new ConfigException("GOV_EXCHANGE_MAX_AGE_MS", Integer.toString(maxAgeMs),
                    "integer > the poll period " + effectivePoll + " ms");
        }
        int ttl = env.integer("GOV_RESERVATION_TTL_SEC", 120, 1, Integer.MAX_VALUE);
        int claimIdle = env.integer("GOV_CLAIM_IDLE_MS", 30000, 1000, Integer.MAX_VALUE);
        int maxDeliveries = env.integer("GOV_MAX_DELIVERIES", 5, 1, Integer.MAX_VALUE);
        String consumer = env.string("GOV_CONSUMER_NAME", "gov-" + hostname() + "-" + ProcessHandle.current().pid());
        int metricsPort = env.integer("METRICS_PORT", 8044, 0, 65535);
        String plans = env.string("STREAM_PLANS", GovernorKeys.DEFAULT_STREAM_PLANS);
        String results = env.string("STREAM_RESULTS", GovernorKeys.DEFAULT_STREAM_RESULTS);
        String events = env.string("STREAM_EVENTS", GovernorKeys.DEFAULT_STREAM_EVENTS);
        String applyConfigPath = env.string("APPLY_CONFIG_PATH", "/etc/quantum/apply-layer.env");
        String baseUrl = env.string("BINANCE_BASE_URL", mode == ApplyMode.PRODUCTION ? PRODUCTION_URL : TESTNET_URL);
        BinanceCredentials testnet =
                new BinanceCredentials(env.secret("BINANCE_TESTNET_API_KEY"), env.secret("BINANCE_TESTNET_API_SECRET"));
        BinanceCredentials production =
                new BinanceCredentials(env.secret("BINANCE_API_KEY"), env.secret("BINANCE_API_SECRET"));
        RedisSettings redis = RedisSettings.from(env);

        List<String> warnings = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(env.unknownNames("GOV_", "BINANCE_"));
        for (String name : unknown) {
            warnings.add("Unknown configuration variable " + name + " - ignored (check the spelling)");
        }
        if (maxAgeMs < 2 * effectivePoll) {
            warnings.add("GOV_EXCHANGE_MAX_AGE_MS=" + maxAgeMs + " is less than 2 x the poll period (" + effectivePoll
                    + " ms): one slow cycle makes the exchange state stale");
        }
        return new GovernorConfig(mode, limits, autoDisarm, disarmOnBurst, errorCount, pollMs, maxAgeMs, ttl,
                claimIdle, maxDeliveries, consumer, metricsPort, plans, results, events, applyConfigPath,
                stripSlash(baseUrl), mode == ApplyMode.PRODUCTION ? production : testnet, redis, logFormat, warnings);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String hostname() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
