package io.quantumgates.heatgate.redis;

/**
 * What the calibrate script did.
 *
 * @param duplicate an earlier delivery already wrote the output; this one was only acked
 * @param outputId the calibrated entry's id (the earlier one for a duplicate)
 * @param hashError the Redis error when {@code hash} is {@link HashWrite#FAILED}, else empty
 */
public record WriteResult(boolean duplicate, String outputId, HashWrite hash, String hashError) {
    public enum HashWrite {
        /** shadow mode, or a duplicate */
        OFF,
        /** enforce, but the proposal is older than the hash TTL */
        STALE,
        WRITTEN,
        FAILED
    }
}
