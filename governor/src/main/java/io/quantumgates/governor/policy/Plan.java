package io.quantumgates.governor.policy;

import java.util.OptionalDouble;

/**
 * One decoded {@code apply.plan} entry. Display strings are safe for a log line (printable, cut); numbers are
 * parsed where they parse.
 *
 * @param symbol trimmed symbol as given (display), or {@code UNKNOWN}
 * @param symbolValid whether {@link #symbol} matches {@code ^[A-Z0-9]{2,32}$} (only then used in keys and labels)
 * @param action trimmed action as given (display), or {@code UNKNOWN}
 * @param qty |qty| when it is a finite number
 * @param killScore 0 when missing or not a number
 * @param killScoreShown for the {@code Evaluating} line: {@code 0.412}, or the raw value when not a number
 */
public record Plan(
        String streamId,
        String planId,
        String symbol,
        boolean symbolValid,
        String action,
        String decision,
        PlanClass.Classification classification,
        OptionalDouble qty,
        double killScore,
        String killScoreShown) {

    /** First 8 characters of the plan id. */
    public String pid8() {
        return planId.length() <= 8 ? planId : planId.substring(0, 8);
    }

    public PlanClass planClass() {
        return classification.planClass();
    }

    public boolean isExecute() {
        return "EXECUTE".equals(decision);
    }
}
