package io.quantumgates.common.redis;

import java.time.Duration;

/**
 * @param createAt id at which a missing group is created: {@code "$"} (governor) or {@code "0"} (heat gate)
 * @param batchSize XREADGROUP COUNT
 * @param block XREADGROUP BLOCK (keep well under the client command timeout)
 * @param claimIdle entries idle this long in another consumer are reclaimed with XAUTOCLAIM
 * @param claimEvery how often to run XAUTOCLAIM
 * @param maxDeliveries an entry delivered more often than this is dead-lettered instead of handled
 */
public record StreamConsumerSettings(
        String stream,
        String group,
        String consumer,
        String createAt,
        int batchSize,
        Duration block,
        Duration claimIdle,
        Duration claimEvery,
        int maxDeliveries) {}
