package io.quantumgates.governor.policy;

/** What {@link PlanCodec} makes of a stream entry, before any Redis state is consulted. */
public sealed interface Decoded {
    /** Step 1: no usable plan_id; dead-lettered. {@code planId} is the (shown) raw value, empty when missing. */
    record DeadLetter(BlockReason reason, String planId) implements Decoded {}

    /** Step 2: decision is not EXECUTE; acked, no record. */
    record Skip(Plan plan) implements Decoded {
        /** {@code quantum_govern_skip_total} label: SKIP, BLOCKED, ERROR or other. */
        public String metricLabel() {
            return switch (plan.decision()) {
                case "SKIP", "BLOCKED", "ERROR" -> plan.decision();
                default -> "other";
            };
        }
    }

    /** Step 5: a field the Governor reads is unusable; blocked {@code invalid_plan} naming the field. */
    record Invalid(Plan plan, String field, String problem) implements Decoded {}

    /** Ready for the atomic step. {@code qtyArg} is the |qty| handed to it, empty when missing or unusable. */
    record Valid(Plan plan, String qtyArg) implements Decoded {}
}
