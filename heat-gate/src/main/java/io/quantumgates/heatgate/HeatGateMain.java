package io.quantumgates.heatgate;

import io.quantumgates.heatgate.cli.HeatGateCommand;
import picocli.CommandLine;

/** Entry point of {@code quantum-heat-gate.jar}: no arguments runs the daemon. */
public final class HeatGateMain {
    private HeatGateMain() {}

    public static void main(String[] args) {
        System.exit(HeatGateCommand.commandLine().execute(args));
    }
}
