package io.quantumgates.governor.cli;

import io.quantumgates.common.config.ConfigCheck;
import io.quantumgates.common.config.Env;
import io.quantumgates.common.config.EnvFile;
import io.quantumgates.governor.config.GovernorConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check-config --env-file F}: validates that file alone (not the process env) with {@link GovernorConfig#from},
 * the daemon's own start-up code, so "check-config OK" means "the daemon will start" (report: {@link ConfigCheck}).
 */
@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        description = {
            "Validate an env file (e.g. /etc/quantum/governor.env) without starting anything.",
            "Uses the daemon's own config code: every variable with OK or its error; secrets shown as ***.",
            "Run it before `systemctl restart`."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:valid", "1:an invalid value, or the file cannot be read", "2:usage"})
public final class CheckConfigCommand extends OperatorCommand {
    @Option(names = "--env-file", required = true, paramLabel = "FILE", description = "The env file to validate")
    Path envFile;

    public CheckConfigCommand() {
        this(Env.system(), InstantSource.system());
    }

    CheckConfigCommand(Env env, InstantSource clock) {
        super(env, clock);
    }

    @Override
    int execute() {
        boolean valid = ConfigCheck.report(envFile.toString(), "Governor", read(),
                env -> GovernorConfig.from(env).warnings(), List.of("GOV_", "BINANCE_"), out());
        return valid ? OK : FAILURE;
    }

    private Map<String, String> read() {
        try {
            return EnvFile.parse(envFile);
        } catch (IOException e) {
            throw new CliFailure("Cannot read " + envFile + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (EnvFile.EnvFileException e) {
            throw new CliFailure(e.getMessage());
        }
    }
}
