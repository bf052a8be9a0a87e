package io.quantumgates.governor.cli;

import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.Env;
import io.quantumgates.common.config.RedisSettings;
import io.quantumgates.common.redis.RedisConnector;

/**
 * One short-lived Redis connection for one operator command, from the daemon's own REDIS_* variables. No retry:
 * an operator wants "Redis unavailable" at once, not a daemon's patient back-off.
 */
final class RedisSession implements AutoCloseable {
    private final RedisSettings settings;
    private final RedisConnector connector;
    private final RedisCommands<String, String> commands;

    private RedisSession(RedisSettings settings, RedisConnector connector) {
        this.settings = settings;
        this.connector = connector;
        try {
            this.commands = connector.shared().sync();
        } catch (RuntimeException e) {
            connector.close();
            throw new CliFailure("Redis unavailable (" + settings.hostPort() + "): " + e.getMessage());
        }
    }

    static RedisSession open(Env env) {
        RedisSettings settings = RedisSettings.from(env);
        return new RedisSession(settings, new RedisConnector(settings));
    }

    RedisCommands<String, String> commands() {
        return commands;
    }

    String where() {
        return settings.toString();
    }

    @Override
    public void close() {
        connector.close();
    }
}
