package io.quantumgates.governor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quantumgates.governor.policy.ApplyMode;
import io.quantumgates.governor.policy.Limits;
import io.quantumgates.testkit.RedisServerExtension;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The background gauges every instance keeps from what Redis holds, whoever polls the exchange. */
class StateRefresherIT {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();
    private Harness h;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void snapshotAgeIsInfiniteWithoutASnapshotThenTheInstalledSnapshotsAgeOnTheRedisClock() {
        h = new Harness(redis.server(), Harness.config(ApplyMode.TESTNET, Limits.defaults(), true, "gov-refresh"));
        StateRefresher refresher = new StateRefresher(h.config, () -> h.redis, h.metrics, InstantSource.system(), "test");

        refresher.refresh();
        assertThat(h.gauge("quantum_govern_exchange_snapshot_age_seconds")).hasValue(Double.POSITIVE_INFINITY);

        h.installSnapshot(Map.of("BTCUSDT", new double[] {0.5, 87000.0}, "ETHUSDT", new double[] {-2.0, 3000.0}),
                Map.of("BTCUSDT", "87000", "ETHUSDT", "3000"), 1500);
        refresher.refresh();

        assertThat(h.gauge("quantum_govern_exchange_snapshot_age_seconds").orElseThrow()).isCloseTo(1.5, within(1.0));
        assertThat(h.gauge("quantum_govern_positions_open")).hasValue(2.0);
        assertThat(h.gauge("quantum_govern_total_notional_usdt")).hasValue(49500.0);
    }
}
