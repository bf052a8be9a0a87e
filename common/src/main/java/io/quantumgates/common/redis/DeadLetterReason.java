package io.quantumgates.common.redis;

/** Why the consumer itself gave up on an entry (handlers have their own domain reasons). */
public enum DeadLetterReason {
    MAX_DELIVERIES_EXCEEDED("max_deliveries_exceeded"),
    ENTRY_DELETED("entry_deleted");

    private final String code;

    DeadLetterReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
