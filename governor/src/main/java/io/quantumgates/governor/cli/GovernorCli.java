package io.quantumgates.governor.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code quantum-governor}: with no subcommand it runs the daemon ({@code run}). Operator subcommands are picked up
 * by class name when present in {@code io.quantumgates.governor.cli} (see {@link #OPTIONAL_SUBCOMMANDS}), so adding
 * one needs no edit here.
 */
@Command(
        name = "quantum-governor",
        mixinStandardHelpOptions = true,
        versionProvider = GovernorCli.Version.class,
        description = "P3.2 Governor: permits or blocks every EXECUTE plan on quantum:stream:apply.plan.",
        subcommands = {RunCommand.class})
public final class GovernorCli implements Callable<Integer> {
    /** Subcommand classes registered when they exist (each a picocli {@code @Command}). */
    static final List<String> OPTIONAL_SUBCOMMANDS = List.of(
            "KillCommand", "StatusCommand", "WhyCommand", "BalanceCommand", "RearmCommand", "CheckConfigCommand");

    @Override
    public Integer call() {
        return new RunCommand().call();
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GovernorCli());
        for (String simpleName : OPTIONAL_SUBCOMMANDS) {
            try {
                Class<?> type = Class.forName(GovernorCli.class.getPackageName() + "." + simpleName);
                cli.addSubcommand(type.getDeclaredConstructor().newInstance());
            } catch (ClassNotFoundException absent) {
                // not built (yet)
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot register subcommand " + simpleName, e);
            }
        }
        return cli;
    }

    public static String version() {
        String v = GovernorCli.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "0.1.0" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"quantum-governor " + version()};
        }
    }
}
