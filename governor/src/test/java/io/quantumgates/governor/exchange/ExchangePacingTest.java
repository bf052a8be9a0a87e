package io.quantumgates.governor.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantumgates.common.binance.BinanceError;
import io.quantumgates.common.binance.BinanceException;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExchangePacingTest {
    private final ExchangePollerSettings oneSecond = new ExchangePollerSettings(1000, 5000, "gov-a");

    @Test
    void budgetStretchesAFastPollTo750ms() {
        assertThat(new ExchangePollerSettings(200, 5000, "gov-a").basePeriodMs()).isEqualTo(750);
        assertThat(oneSecond.basePeriodMs()).isEqualTo(1000);
    }

    @Test
    void leaseLastsThreePollsButAtLeastThreeSeconds() {
        assertThat(oneSecond.leaseMs()).isEqualTo(3000);
        assertThat(new ExchangePollerSettings(200, 5000, "gov-a").leaseMs()).isEqualTo(3000);
        assertThat(new ExchangePollerSettings(5000, 20000, "gov-a").leaseMs()).isEqualTo(15000);
    }

    @Test
    void heavyIpWideWeightDoublesThePeriodButNotBeyondHalfTheMaxAge() {
        assertThat(PollPacing.periodMs(oneSecond, OptionalInt.of(1919))).isEqualTo(1000);
        assertThat(PollPacing.periodMs(oneSecond, OptionalInt.of(1920))).isEqualTo(2000);
        assertThat(PollPacing.periodMs(new ExchangePollerSettings(1000, 3000, "a"), OptionalInt.of(2300))).isEqualTo(1500);
        assertThat(PollPacing.periodMs(new ExchangePollerSettings(1000, 1500, "a"), OptionalInt.of(2300))).isEqualTo(1000);
        assertThat(PollPacing.periodMs(oneSecond, OptionalInt.empty())).isEqualTo(1000);
    }

    @Test
    void ownWeightNeverExceeds1200InAnyRollingMinuteAtFullSpeed() {
        WeightBudget budget = new WeightBudget(1200);
        int maxSeen = 0;
        int cycles = 0;
        // try to run a 16-weight cycle every 100 ms for three minutes; the budget decides
        for (long now = 0; now < 180_000; now += 100) {
            if (budget.waitMsFor(now, 16) == 0) {
                budget.spend(now, 16);
                cycles++;
            }
            maxSeen = Math.max(maxSeen, budget.usedInWindow(now));
        }
        assertThat(maxSeen).isLessThanOrEqualTo(1200);
        assertThat(cycles).isGreaterThan(200);
    }

    @Test
    void budgetSaysHowLongUntilACycleFits() {
        WeightBudget budget = new WeightBudget(30);
        budget.spend(1_000, 15);
        budget.spend(2_000, 15);
        assertThat(budget.waitMsFor(3_000, 15)).isEqualTo(58_000);
        assertThat(budget.waitMsFor(61_000, 15)).isZero();
    }

    @Test
    void rateLimitPausesForRetryAfterOrUntilTheNextMinute() {
        PausePolicy policy = new PausePolicy();
        assertThat(policy.pauseFor(error(BinanceError.RATE_LIMITED, Duration.ofSeconds(7)), 0)).contains(Duration.ofSeconds(7));
        assertThat(policy.pauseFor(error(BinanceError.RATE_LIMITED, null), 60_000L * 1000 + 45_500))
                .contains(Duration.ofMillis(14_500));
        assertThat(PausePolicy.seconds(Duration.ofMillis(14_500))).isEqualTo(15);
    }

    @Test
    void ipBanWithoutRetryAfterPauses120sDoublingUntilACycleSucceeds() {
        PausePolicy policy = new PausePolicy();
        BinanceException ban = error(BinanceError.IP_BANNED, null);
        assertThat(policy.pauseFor(ban, 0)).contains(Duration.ofSeconds(120));
        assertThat(policy.pauseFor(ban, 0)).contains(Duration.ofSeconds(240));
        assertThat(policy.pauseFor(error(BinanceError.IP_BANNED, Duration.ofSeconds(30)), 0)).contains(Duration.ofSeconds(30));
        assertThat(policy.pauseFor(ban, 0)).contains(Duration.ofSeconds(120));
        policy.pauseFor(ban, 0);
        policy.succeeded();
        assertThat(policy.pauseFor(ban, 0)).contains(Duration.ofSeconds(120));
    }

    @Test
    void otherErrorsDoNotPauseAndNameTheirLastError() {
        PausePolicy policy = new PausePolicy();
        assertThat(policy.pauseFor(error(BinanceError.SERVER_ERROR, null), 0)).isEmpty();
        assertThat(LastError.of(BinanceError.BAD_SIGNATURE)).isEqualTo("auth_rejected");
        assertThat(LastError.of(BinanceError.AUTH_REJECTED)).isEqualTo("auth_rejected");
        assertThat(LastError.of(BinanceError.RATE_LIMITED)).isEqualTo("http_429");
        assertThat(LastError.of(BinanceError.SERVER_ERROR)).isEqualTo("http_5xx");
        assertThat(LastError.of(BinanceError.TIMEOUT)).isEqualTo("timeout");
    }

    private static BinanceException error(BinanceError error, Duration retryAfter) {
        return new BinanceException(error, "/fapi/v3/account", 429, -1003, "x", retryAfter, null);
    }
}
