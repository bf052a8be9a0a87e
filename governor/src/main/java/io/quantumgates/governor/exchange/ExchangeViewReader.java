package io.quantumgates.governor.exchange;

import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.governor.GovernorKeys;
import java.util.List;

/** Reads the installed snapshot and Redis {@code TIME} into an {@link ExchangeView}. */
public final class ExchangeViewReader {
    private final RedisCommands<String, String> redis;

    public ExchangeViewReader(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    public ExchangeView read() {
        List<String> time = redis.time();
        long nowMs = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
        return ExchangeView.of(redis.hgetall(GovernorKeys.EXCHANGE_META), redis.hgetall(GovernorKeys.EXCHANGE_MARKS), nowMs);
    }
}
