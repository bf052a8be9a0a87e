package io.quantumgates.common.cli;

/**
 * Process exit codes (contract §2.1). They match picocli's defaults (usage error 2, exception 1), so a command
 * only returns these from {@code call()}. systemd's {@code RestartPreventExitStatus=2} keeps a daemon with bad
 * configuration from restarting in a loop.
 */
public final class ExitCodes {
    /** Daemon stopped by SIGTERM/SIGINT; CLI command succeeded. */
    public static final int OK = 0;
    /** Daemon fatal error; CLI command failed (Redis down, exchange error, check-config found problems). */
    public static final int FAILURE = 1;
    /** Daemon: invalid configuration. */
    public static final int BAD_CONFIG = 2;
    /** CLI: wrong arguments. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
