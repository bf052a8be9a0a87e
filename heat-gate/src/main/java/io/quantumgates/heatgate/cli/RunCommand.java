package io.quantumgates.heatgate.cli;

import io.quantumgates.common.cli.ExitCodes;
import io.quantumgates.common.config.ConfigException;
import io.quantumgates.common.config.Env;
import io.quantumgates.common.logging.LoggingSetup;
import io.quantumgates.heatgate.HeatGateConfig;
import io.quantumgates.heatgate.HeatGateDaemon;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** The daemon: exit 0 after SIGTERM/SIGINT, 1 on a fatal error, 2 on bad configuration. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the daemon (the default), configured by env.")
final class RunCommand implements Callable<Integer> {
    static final String SERVICE = "quantum-heat-gate";
    static final String PREFIX = "[P2.6-HEAT-GATE] ";

    @Override
    public Integer call() {
        Env env = Env.system();
        HeatGateConfig config;
        try {
            config = HeatGateConfig.from(env, HeatGateConfig.defaultConsumerName());
        } catch (ConfigException e) {
            configureLeniently(env);
            log().error(e.getMessage());
            return ExitCodes.BAD_CONFIG;
        }
        LoggingSetup.configure(SERVICE, PREFIX, config.logFormat(), config.logLevel());
        Logger log = log();
        CountDownLatch stop = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        boolean[] started = {false};
        Termination.onSignal(() -> {
            stop.countDown();
            synchronized (started) {
                if (!started[0]) {
                    main.interrupt(); // still waiting for Redis: give up waiting
                }
            }
        });
        try (HeatGateDaemon daemon = new HeatGateDaemon(config, InstantSource.system())) {
            if (!daemon.start()) {
                return ExitCodes.OK;
            }
            synchronized (started) {
                started[0] = true;
            }
            stop.await();
            log.info("Shutdown requested - draining in-flight proposals");
        } catch (InterruptedException e) {
            Thread.interrupted();
            log.info("Shutdown requested during start-up");
        } catch (RuntimeException e) {
            if (Thread.interrupted() || stop.getCount() == 0) {
                log.info("Shutdown requested during start-up");
                return ExitCodes.OK;
            }
            log.error("Fatal error: {}", e.toString(), e);
            return ExitCodes.FAILURE;
        }
        log.info("Portfolio Heat Gate stopped");
        return ExitCodes.OK;
    }

    /** The config was rejected: print its error in whatever format it can still be read. */
    private static void configureLeniently(Env env) {
        String format;
        try {
            format = env.oneOf("LOG_FORMAT", "text", "text", "json");
        } catch (ConfigException e) {
            format = "text";
        }
        LoggingSetup.configure(SERVICE, PREFIX, format, "INFO");
    }

    private static Logger log() {
        return LoggerFactory.getLogger("io.quantumgates.heatgate");
    }
}
