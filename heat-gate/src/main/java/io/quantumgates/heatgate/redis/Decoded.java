package io.quantumgates.heatgate.redis;

/** What {@link ProposalCodec} made of an entry: a proposal, or a dead letter with its reason. */
public sealed interface Decoded {
    record Ok(Proposal proposal) implements Decoded {}

    /** @param reason {@code missing_symbol}, {@code invalid_symbol}, {@code missing_action} or {@code oversized_field} */
    record Rejected(String reason) implements Decoded {}
}
