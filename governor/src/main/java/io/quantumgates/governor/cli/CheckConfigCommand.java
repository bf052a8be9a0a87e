package io.quantumgates.governor.cli;

import io.quantumgates.common.config.ConfigException;
import io.quantumgates.common.config.Env;
import io.quantumgates.common.config.EnvFile;
import io.quantumgates.governor.config.GovernorConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check-config --env-file F}: validates that file alone (not the process env) with {@link GovernorConfig#from},
 * the daemon's own start-up code, so "check-config OK" means "the daemon will start". The config stops at its first
 * bad value; to name every bad value in one run, a failing variable is set aside and the rest re-validated.
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
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|API_KEY).*");
    private static final Pattern URL_USERINFO = Pattern.compile("//[^@/]*@");

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
        Map<String, String> vars = read();
        Verdicts verdicts = validate(vars);
        out().println("Checking " + envFile + " (Governor configuration):");
        Set<String> names = new TreeSet<>(verdicts.read());
        names.addAll(vars.keySet());
        for (String name : names) {
            String verdict;
            if (verdicts.errors().containsKey(name)) {
                verdict = "ERROR " + verdicts.errors().get(name);
            } else if (verdicts.read().contains(name)) {
                verdict = "OK";
            } else if (name.startsWith("GOV_") || name.startsWith("BINANCE_")) {
                verdict = "WARNING unknown variable, ignored by the Governor (check the spelling)";
            } else {
                verdict = "not a Governor variable (ignored)";
            }
            out().println("  " + name + "=" + shown(name, vars.get(name)) + "  " + verdict);
        }
        for (String warning : verdicts.warnings()) {
            out().println("WARNING " + warning);
        }
        if (verdicts.errors().isEmpty()) {
            out().println("Configuration OK");
            return OK;
        }
        out().println("Configuration INVALID: " + verdicts.errors().size() + " error(s); the daemon would exit 2");
        return FAILURE;
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

    record Verdicts(Set<String> read, Map<String, String> errors, List<String> warnings) {}

    /** Every variable the config reads, and each bad one's error line. */
    static Verdicts validate(Map<String, String> fileVars) {
        Map<String, String> vars = new HashMap<>(fileVars);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> read = new TreeSet<>();
        for (int round = 0; round <= fileVars.size(); round++) {
            Env env = new Env(vars);
            try {
                GovernorConfig config = GovernorConfig.from(env);
                read.addAll(env.readNames());
                return new Verdicts(read, errors, config.warnings());
            } catch (ConfigException e) {
                read.addAll(env.readNames());
                errors.putIfAbsent(e.variable(), e.getMessage());
                if (vars.remove(e.variable()) == null) {
                    // fails on its default too (a pair rule): later variables stay unchecked rather than guessed
                    break;
                }
            }
        }
        return new Verdicts(read, errors, List.of());
    }

    /** Secrets never printed: keys, secrets, passwords, and a Redis URL's user info. */
    static String shown(String name, String value) {
        if (value == null) {
            return "(unset: default)";
        }
        if (value.isEmpty()) {
            return "(blank: default)";
        }
        if (SECRET_NAME.matcher(name).matches()) {
            return "***";
        }
        return URL_USERINFO.matcher(value).replaceAll("//***@");
    }
}
