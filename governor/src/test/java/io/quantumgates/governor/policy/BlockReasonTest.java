package io.quantumgates.governor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BlockReasonTest {
    @Test
    void codesAreExactlyTheContractsClosedList() {
        assertThat(Arrays.stream(BlockReason.values()).map(BlockReason::code)).containsExactlyInAnyOrder(
                "missing_plan_id", "invalid_plan_id", "max_deliveries_exceeded", "entry_deleted", "invalid_plan",
                "kill_switch_active", "kill_switch_unreadable", "auto_disarmed", "kill_score_critical_non_close",
                "hourly_limit_exceeded", "burst_limit_exceeded", "symbol_cooldown", "exchange_credentials_missing",
                "exchange_state_unavailable", "max_positions_reached", "invalid_qty", "mark_price_unavailable",
                "notional_per_trade_exceeded", "total_notional_exceeded", "daily_limit_exceeded", "evaluation_error");
    }

    @Test
    void readsBackFromItsCode() {
        for (BlockReason r : BlockReason.values()) {
            assertThat(BlockReason.fromCode(r.code())).contains(r);
        }
        assertThat(BlockReason.fromCode("position_fetch_failed")).isEmpty();
        assertThat(BlockReason.MISSING_PLAN_ID.isDeadLetter()).isTrue();
        assertThat(BlockReason.SYMBOL_COOLDOWN.isDeadLetter()).isFalse();
    }
}
