package io.quantumgates.heatgate;

import io.quantumgates.common.config.ConfigException;
import io.quantumgates.common.config.Env;
import io.quantumgates.common.config.RedisSettings;
import io.quantumgates.heatgate.heat.HeatThresholds;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Everything the Heat Gate reads from the environment, validated once at start-up. */
public record HeatGateConfig(
        Mode mode,
        HeatThresholds thresholds,
        Duration poll,
        int metricsPort,
        String logLevel,
        String logFormat,
        int snapshotMaxAgeSec,
        int hashTtlSec,
        long outputMaxlen,
        String consumerName,
        RedisSettings redis,
        List<String> unknownNames) {

    public enum Mode {
        SHADOW,
        ENFORCE;

        /** As written in the output entry's {@code mode} field. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String DEFAULT_MODE = "shadow";
    static final String DEFAULT_HEAT_MIN = "0.25";
    static final String DEFAULT_HEAT_MAX = "0.65";
    static final String DEFAULT_POLL_SEC = "2";
    static final int DEFAULT_METRICS_PORT = 8056;
    static final String DEFAULT_LOG_LEVEL = "INFO";
    static final int DEFAULT_SNAPSHOT_MAX_AGE_SEC = 300;
    static final int DEFAULT_HASH_TTL_SEC = 300;
    static final long DEFAULT_OUTPUT_MAXLEN = 100_000;

    private static HeatThresholds heatPair(Env env) {
        BigDecimal min = env.decimal("HEAT_MIN", DEFAULT_HEAT_MIN, BigDecimal.ZERO, null);
        BigDecimal max = env.decimal("HEAT_MAX", DEFAULT_HEAT_MAX, BigDecimal.ZERO, null);
        if (min.compareTo(max) >= 0) {
            throw new ConfigException("HEAT_MIN", env.string("HEAT_MIN", DEFAULT_HEAT_MIN),
                    "a decimal below HEAT_MAX=" + env.string("HEAT_MAX", DEFAULT_HEAT_MAX));
        }
        return new HeatThresholds(min, max);
    }

    /** @throws ConfigException naming the first bad variable */
    public static HeatGateConfig from(Env env, String defaultConsumerName) {
        Mode mode = Mode.valueOf(env.oneOf("P26_MODE", DEFAULT_MODE, "shadow", "enforce").toUpperCase(Locale.ROOT));
        HeatThresholds thresholds = heatPair(env);
        BigDecimal pollSec = env.decimal("P26_POLL_SEC", DEFAULT_POLL_SEC, new BigDecimal("0.01"), new BigDecimal("5"));
        int metricsPort = env.integer("P26_METRICS_PORT", DEFAULT_METRICS_PORT, 0, 65535);
        String logLevel = env.oneOf("P26_LOG_LEVEL", DEFAULT_LOG_LEVEL, "DEBUG", "INFO", "WARNING", "ERROR");
        String logFormat = env.oneOf("LOG_FORMAT", "text", "text", "json");
        int maxAge = env.integer("P26_SNAPSHOT_MAX_AGE_SEC", DEFAULT_SNAPSHOT_MAX_AGE_SEC, 1, Integer.MAX_VALUE);
        int hashTtl = env.integer("P26_HASH_TTL_SEC", DEFAULT_HASH_TTL_SEC, 1, Integer.MAX_VALUE);
        long maxlen = env.longValue("P26_OUTPUT_MAXLEN", DEFAULT_OUTPUT_MAXLEN, 1000, Long.MAX_VALUE);
        String consumer = env.string("P26_CONSUMER_NAME", defaultConsumerName).trim();
        RedisSettings redis = RedisSettings.from(env);
        List<String> unknown = env.unknownNames("P26_").stream().sorted().toList();
        return new HeatGateConfig(mode, thresholds,
                Duration.ofMillis(pollSec.movePointRight(3).longValue()), metricsPort, logLevel, logFormat, maxAge,
                hashTtl, maxlen, consumer, redis, unknown);
    }

    /** {@code {hostname}_{pid}}, the original's consumer name. */
    public static String defaultConsumerName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return host + "_" + ProcessHandle.current().pid();
    }
}
