package io.quantumgates.bench;

import ch.qos.logback.classic.Level;
import io.quantumgates.bench.load.LoadCommands;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Entry point of {@code quantum-bench.jar}: the end-to-end load driver ({@code governor}, {@code heatgate},
 * {@code redis-limit}) and the JMH micro-benchmarks ({@code jmh [JMH options]}).
 */
@Command(name = "quantum-bench", mixinStandardHelpOptions = true, version = "quantum-bench 0.1.0",
        subcommands = {LoadCommands.Governor.class, LoadCommands.HeatGate.class, LoadCommands.Limit.class,
            BenchMain.Jmh.class})
public final class BenchMain implements Callable<Integer> {
    public static void main(String[] args) {
        // The driver's own Lettuce/Netty chatter would only disturb the measurement.
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
        if (args.length > 0 && args[0].equals("jmh")) {
            // JMH parses its own options; picocli would reject them as unknown.
            try {
                org.openjdk.jmh.Main.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            } catch (Exception e) {
                System.err.println("quantum-bench jmh: " + e);
                System.exit(1);
            }
            return;
        }
        int code = new CommandLine(new BenchMain())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("quantum-bench: " + e.getMessage());
                    return e instanceof IllegalArgumentException ? 2 : 1;
                })
                .execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 2;
    }

    @Command(name = "jmh", description = "JMH micro-benchmarks of the pure core; arguments go to JMH "
            + "(e.g. `jmh -f 1 -wi 3 -i 5 PlanCodec`, `jmh -l`).")
    static final class Jmh implements Callable<Integer> {
        @Parameters(arity = "0..*", description = "JMH arguments (handled before picocli, see main).")
        String[] args = new String[0];

        @Override
        public Integer call() throws Exception {
            org.openjdk.jmh.Main.main(args);
            return 0;
        }
    }
}
