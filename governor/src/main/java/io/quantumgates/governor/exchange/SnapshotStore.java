package io.quantumgates.governor.exchange;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.redis.LuaScript;
import io.quantumgates.governor.GovernorKeys;
import io.quantumgates.governor.redis.GovernorScripts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The poller's Redis edge: the lease, the atomic install, and the error/pause marks. Every write is fenced by the lease. */
final class SnapshotStore {
    private static final LuaScript INSTALL = GovernorScripts.load("/governor/install_snapshot.lua");
    private static final LuaScript LEASE = LuaScript.fromResource("/governor/exchange_lease.lua");
    private static final LuaScript FAILED = LuaScript.fromResource("/governor/exchange_failed.lua");

    private final RedisCommands<String, String> redis;
    private final String instance;

    SnapshotStore(RedisCommands<String, String> redis, String instance) {
        this.redis = redis;
        this.instance = instance;
    }

    /** Takes or renews the lease; true while we hold it. */
    boolean holdLease(long leaseMs) {
        Long held = LEASE.eval(redis, ScriptOutputType.INTEGER, List.of(GovernorKeys.EXCHANGE_LEASE),
                List.of(instance, "hold", Long.toString(leaseMs)));
        return held != null && held == 1L;
    }

    void releaseLease() {
        LEASE.eval(redis, ScriptOutputType.INTEGER, List.of(GovernorKeys.EXCHANGE_LEASE), List.of(instance, "release", "0"));
    }

    /** Result of one install: whether it ran (we still held the lease) and how many reservations it released. */
    record Installed(boolean installed, long released, long installedAtMs) {}

    Installed install(ExchangeSnapshot snapshot, long fetchMs, long sinceFetchStartMs, OptionalLong weightUsed) {
        List<String> args = new ArrayList<>(12 + 2 * (snapshot.positions().size() + snapshot.marks().size()));
        args.add(instance);
        args.add(Long.toString(fetchMs));
        args.add(Long.toString(sinceFetchStartMs));
        args.add(Integer.toString(snapshot.positions().size()));
        args.add(ExchangeSnapshot.plain(snapshot.totalNotional()));
        args.add(ExchangeSnapshot.plain(snapshot.walletBalance()));
        args.add(ExchangeSnapshot.plain(snapshot.availableBalance()));
        args.add(weightUsed.isPresent() ? Long.toString(weightUsed.getAsLong()) : "");
        args.add(snapshot.notionalUnknown().orElse(""));
        args.add(Integer.toString(snapshot.positions().size()));
        for (Map.Entry<String, ExchangeSnapshot.Row> p : snapshot.positions().entrySet()) {
            args.add(p.getKey());
            args.add(p.getValue().json());
        }
        for (Map.Entry<String, BigDecimal> m : snapshot.marks().entrySet()) {
            args.add(m.getKey());
            args.add(ExchangeSnapshot.plain(m.getValue()));
        }
        List<Object> reply = INSTALL.eval(redis, ScriptOutputType.MULTI, List.of(
                GovernorKeys.EXCHANGE_LEASE, GovernorKeys.EXCHANGE_POSITIONS, GovernorKeys.EXCHANGE_MARKS, GovernorKeys.EXCHANGE_META,
                GovernorKeys.RESERVATIONS, GovernorKeys.RESERVATIONS_EXPIRY, GovernorKeys.RESERVATIONS_FILLED,
                GovernorKeys.RESERVATIONS_SYMBOLS, GovernorKeys.RESERVATIONS_NOTIONAL, GovernorKeys.EXCHANGE_OPEN,
                GovernorKeys.RESERVATIONS_UNOPENED), args);
        return new Installed(((Long) reply.get(0)) == 1L, (Long) reply.get(1), (Long) reply.get(2));
    }

    /** A failed cycle: {@code status=error}, {@code last_error}; the snapshot itself stays and ages. */
    void failed(String lastError, OptionalLong pausedUntilMs) {
        FAILED.eval(redis, ScriptOutputType.INTEGER, List.of(GovernorKeys.EXCHANGE_LEASE, GovernorKeys.EXCHANGE_META), List.of(
                instance, lastError, pausedUntilMs.isPresent() ? Long.toString(pausedUntilMs.getAsLong()) : ""));
    }

    /** During a pause: keep {@code paused_until_ms} visible without touching {@code last_error}. */
    void paused(long pausedUntilMs) {
        failed("", OptionalLong.of(pausedUntilMs));
    }
}
