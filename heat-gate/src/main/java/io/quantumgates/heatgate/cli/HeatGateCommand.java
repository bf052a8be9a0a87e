package io.quantumgates.heatgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code quantum-heat-gate [run|status|check-config]}; no subcommand = {@code run}. */
@Command(name = "quantum-heat-gate", mixinStandardHelpOptions = true, versionProvider = HeatGateCommand.Version.class,
        description = "P2.6 Portfolio Heat Gate: calibrates harvest exit proposals by portfolio heat.",
        subcommands = {RunCommand.class, StatusCommand.class, CheckConfigCommand.class})
public final class HeatGateCommand implements Callable<Integer> {
    static final String FALLBACK_VERSION = "0.1.0";

    public static CommandLine commandLine() {
        return new CommandLine(new HeatGateCommand());
    }

    @Override
    public Integer call() {
        return new RunCommand().call();
    }

    static String version() {
        String v = HeatGateCommand.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? FALLBACK_VERSION : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"quantum-heat-gate " + version()};
        }
    }
}
