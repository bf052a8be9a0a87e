package io.quantumgates.governor;

import io.quantumgates.governor.cli.GovernorCli;

/** Entry point of {@code quantum-governor.jar}: no arguments runs the daemon. */
public final class GovernorMain {
    private GovernorMain() {}

    public static void main(String[] args) {
        System.exit(GovernorCli.commandLine().execute(args));
    }
}
