package io.quantumgates.governor.cli;

import io.lettuce.core.RedisException;
import io.quantumgates.common.config.ConfigException;
import io.quantumgates.common.config.Env;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Shared shape of the operator subcommands: configured by the daemon's environment, output to picocli's writers
 * (so tests capture it), and exit codes by convention: 0 ok, 1 failure (one line on stderr), 2 usage (picocli).
 */
abstract class OperatorCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILURE = 1;

    @Spec
    CommandSpec spec;

    private final Env env;
    private final InstantSource clock;

    OperatorCommand(Env env, InstantSource clock) {
        this.env = env;
        this.clock = clock;
    }

    Env env() {
        return env;
    }

    InstantSource clock() {
        return clock;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (CliFailure | ConfigException e) {
            err().println(e.getMessage());
            return FAILURE;
        } catch (RedisException e) {
            err().println("Redis error: " + e.getMessage());
            return FAILURE;
        } finally {
            out().flush();
            err().flush();
        }
    }

    abstract int execute();

    /** Epoch seconds with 3 decimals, the contract's {@code timestamp} form ({@code 1769471881.204}). */
    static String epochSeconds(long epochMillis) {
        return Math.floorDiv(epochMillis, 1000) + "." + String.format("%03d", Math.floorMod(epochMillis, 1000));
    }
}
