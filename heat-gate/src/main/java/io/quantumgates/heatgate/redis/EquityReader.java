package io.quantumgates.heatgate.redis;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.Optional;

/** {@code HGET quantum:state:portfolio equity_usd}; empty when the hash or the field is absent. */
public final class EquityReader {
    private final RedisCommands<String, String> redis;

    public EquityReader(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    public Optional<String> read() {
        return Optional.ofNullable(redis.hget(Keys.PORTFOLIO, Keys.EQUITY_FIELD));
    }
}
