package io.quantumgates.common.redis;

import java.util.List;

/**
 * What a daemon does with entries. The handler writes the outcome and XACKs the entry in the same atomic step
 * (a Lua script), so an entry is acked only when its outcome exists. Throwing leaves the entry pending: it is
 * re-read after a reconnect or reclaimed, and dead-lettered once it exceeds the delivery limit.
 */
public interface EntryHandler {
    /**
     * Called once per batch read with exactly the entries that {@link #handle} will then get, in the same order
     * (entries about to be dead-lettered are left out). A handler may read shared inputs once per batch here, or
     * send the batch's script calls pipelined and let {@link #handle} wait for each reply: Redis runs them in
     * order, so each still sees the writes of the ones before it.
     */
    default void beforeBatch(List<StreamEntry> batch) throws Exception {}

    /** Decide, write the outcome and ack, atomically. */
    void handle(StreamEntry entry) throws Exception;

    /**
     * The consumer gives up on the entry (delivered too often, or deleted while pending): record the dead letter
     * and ack it, atomically. If the entry already has an outcome, only ack.
     */
    void deadLetter(StreamEntry entry, DeadLetterReason reason) throws Exception;

    /** The group had to be created again on a server that already served us (Redis lost its state). */
    default void onGroupRecreated() {}
}
