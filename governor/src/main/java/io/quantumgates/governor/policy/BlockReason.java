package io.quantumgates.governor.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The closed list of §3.3 reasons (blocks, dry-run would-blocks and dead letters). Metric labels come only from
 * {@link #code()}, so their cardinality is bounded by construction.
 */
public enum BlockReason {
    MISSING_PLAN_ID("missing_plan_id", true),
    INVALID_PLAN_ID("invalid_plan_id", true),
    MAX_DELIVERIES_EXCEEDED("max_deliveries_exceeded", true),
    ENTRY_DELETED("entry_deleted", true),
    INVALID_PLAN("invalid_plan", false),
    KILL_SWITCH_ACTIVE("kill_switch_active", false),
    KILL_SWITCH_UNREADABLE("kill_switch_unreadable", false),
    AUTO_DISARMED("auto_disarmed", false),
    KILL_SCORE_CRITICAL_NON_CLOSE("kill_score_critical_non_close", false),
    HOURLY_LIMIT_EXCEEDED("hourly_limit_exceeded", false),
    BURST_LIMIT_EXCEEDED("burst_limit_exceeded", false),
    SYMBOL_COOLDOWN("symbol_cooldown", false),
    EXCHANGE_CREDENTIALS_MISSING("exchange_credentials_missing", false),
    EXCHANGE_STATE_UNAVAILABLE("exchange_state_unavailable", false),
    MAX_POSITIONS_REACHED("max_positions_reached", false),
    INVALID_QTY("invalid_qty", false),
    MARK_PRICE_UNAVAILABLE("mark_price_unavailable", false),
    NOTIONAL_PER_TRADE_EXCEEDED("notional_per_trade_exceeded", false),
    TOTAL_NOTIONAL_EXCEEDED("total_notional_exceeded", false),
    DAILY_LIMIT_EXCEEDED("daily_limit_exceeded", false),
    EVALUATION_ERROR("evaluation_error", false);

    private static final Map<String, BlockReason> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(BlockReason::code, Function.identity()));

    private final String code;
    private final boolean deadLetter;

    BlockReason(String code, boolean deadLetter) {
        this.code = code;
        this.deadLetter = deadLetter;
    }

    /** The wire string of block records, audit entries and metric labels. */
    public String code() {
        return code;
    }

    public boolean isDeadLetter() {
        return deadLetter;
    }

    public static Optional<BlockReason> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
