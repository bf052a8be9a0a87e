package io.quantumgates.governor.cli;

/** An expected failure of an operator command: printed as one line on stderr, exit code 1, no stack trace. */
final class CliFailure extends RuntimeException {
    CliFailure(String message) {
        super(message);
    }
}
