package io.quantumgates.bench.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Figures of one load run.
 *
 * @param throughput tracked entries ÷ (last outcome arrival − first XADD), per second
 * @param endToEnd XADD sent → outcome observed by the reader (same-host nanoTime)
 * @param redisClock outcome entry id time − input entry id time (both Redis clock, ms resolution, no reader delay)
 * @param weightPerMinute exchange weight spent in the load window, per minute (-1 without an exchange)
 * @param peakRssKb VmHWM per daemon instance
 * @param daemonCpuPercent CPU used by each daemon instance in the measured window, % of one core
 * @param redisServer Redis's own CPU and per-command time during the measured window
 */
record RunResult(
        String daemon,
        int count,
        int rate,
        int instances,
        long exchangeLatencyMs,
        double throughput,
        double publishRate,
        double windowSeconds,
        Latencies endToEnd,
        Latencies redisClock,
        int missing,
        int duplicates,
        int publishFailures,
        Map<String, Integer> outcomes,
        double weightPerMinute,
        double requestsPerMinute,
        List<Long> peakRssKb,
        List<Double> daemonCpuPercent,
        String daemonThreadCpu,
        List<Integer> exitCodes,
        Optional<RedisLimit.Result> limit,
        String redisServer,
        Path runDir) {

    boolean complete() {
        return missing == 0 && duplicates == 0 && publishFailures == 0;
    }

    long maxRssKb() {
        return peakRssKb.stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
