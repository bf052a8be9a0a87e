package io.quantumgates.governor.cli;

import io.quantumgates.common.logging.LoggingSetup;
import io.quantumgates.governor.daemon.GovernorDaemon;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;

/** {@code run} (the default): the daemon, configured by the environment only. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the Governor daemon (the default).")
public final class RunCommand implements Callable<Integer> {
    /** Set when the process exits on its own (config error, fatal): the shutdown hook then leaves the code alone. */
    static final AtomicBoolean EXITING_ON_OWN = new AtomicBoolean();

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        configureLogging(env);
        GovernorDaemon daemon = new GovernorDaemon(env, InstantSource.system(), GovernorCli.version());
        Thread hook = new Thread(() -> {
            if (EXITING_ON_OWN.get() || !daemon.started()) {
                return;
            }
            // SIGTERM/SIGINT: stop reading, finish the batch in hand, exit 0 (the JVM would say 143).
            daemon.requestStop();
            try {
                daemon.awaitStopped(Duration.ofMillis(4800));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(GovernorDaemon.EXIT_OK);
        }, "governor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = daemon.run();
        EXITING_ON_OWN.set(true);
        return code;
    }

    static void configureLogging(Map<String, String> env) {
        String format = env.getOrDefault("LOG_FORMAT", "text").strip().toLowerCase(Locale.ROOT);
        try {
            LoggingSetup.configure("quantum-governor", "", format.equals("json") ? "json" : "text", "INFO");
        } catch (UnsupportedOperationException notYetBuilt) {
            // common's logging setup not merged yet: Logback's defaults still print every line
        }
    }
}
