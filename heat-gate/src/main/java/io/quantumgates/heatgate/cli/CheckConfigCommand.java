package io.quantumgates.heatgate.cli;

import io.quantumgates.common.config.ConfigCheck;
import io.quantumgates.common.config.EnvFile;
import io.quantumgates.heatgate.HeatGateConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Validates an env file alone (not the process env) with {@link HeatGateConfig#from}, the daemon's own start-up code:
 * every variable with OK or its error; exit 1 on any error (report: {@link ConfigCheck}).
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate an env file (e.g. /etc/quantum/portfolio-heat-gate.env) without starting anything.")
final class CheckConfigCommand implements Callable<Integer> {
    @Option(names = "--env-file", required = true, paramLabel = "FILE", description = "env file to validate")
    Path envFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> vars;
        try {
            vars = EnvFile.parse(envFile);
        } catch (IOException | EnvFile.EnvFileException e) {
            spec.commandLine().getErr().println("Cannot read " + envFile + ": " + e.getMessage());
            return 1;
        }
        boolean valid = ConfigCheck.report(envFile.toString(), "Heat Gate", vars,
                env -> {
                    HeatGateConfig.from(env, "check-config");
                    return List.of();
                },
                List.of("P26_"), spec.commandLine().getOut());
        return valid ? 0 : 1;
    }
}
