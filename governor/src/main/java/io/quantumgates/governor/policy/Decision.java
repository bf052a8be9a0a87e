package io.quantumgates.governor.policy;

/** The outcome the atomic step wrote for one plan (or that it found already written). */
public sealed interface Decision {
    /** Audit {@code outcome} and metric label; DUPLICATE is never recorded. */
    String outcome();

    record Allow(PlanClass planClass, double qty, double notional) implements Decision {
        @Override
        public String outcome() {
            return "ALLOW";
        }
    }

    record Block(BlockReason reason, String detail) implements Decision {
        @Override
        public String outcome() {
            return "BLOCK";
        }
    }

    /** dry_run: the check fired, the permit was still issued. */
    record WouldBlock(BlockReason reason, String detail, double qty, double notional) implements Decision {
        @Override
        public String outcome() {
            return "WOULD_BLOCK";
        }
    }

    record Duplicate(String priorOutcome) implements Decision {
        @Override
        public String outcome() {
            return "DUPLICATE";
        }
    }
}
