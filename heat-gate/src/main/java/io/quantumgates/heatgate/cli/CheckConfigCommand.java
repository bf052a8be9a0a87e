package io.quantumgates.heatgate.cli;

import io.quantumgates.common.config.ConfigException;
import io.quantumgates.common.config.Env;
import io.quantumgates.common.config.EnvFile;
import io.quantumgates.heatgate.HeatGateConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Validates an env file alone (not the process env): every variable with OK or its error; exit 1 on any error. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate an env file (e.g. /etc/quantum/portfolio-heat-gate.env) without starting anything.")
final class CheckConfigCommand implements Callable<Integer> {
    @Option(names = "--env-file", required = true, paramLabel = "FILE", description = "env file to validate")
    Path envFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> vars;
        try {
            vars = EnvFile.parse(envFile);
        } catch (IOException | EnvFile.EnvFileException e) {
            spec.commandLine().getErr().println("Cannot read " + envFile + ": " + e.getMessage());
            return 1;
        }
        Env env = new Env(vars);
        Map<String, String> errors = new LinkedHashMap<>();
        for (Runnable read : HeatGateConfig.reads(env)) {
            try {
                read.run();
            } catch (ConfigException e) {
                errors.putIfAbsent(e.variable(), e.getMessage());
            }
        }
        List<String> names = new ArrayList<>(HeatGateConfig.NAMES);
        vars.keySet().stream().filter(n -> n.startsWith("P26_") && !names.contains(n)).sorted().forEach(names::add);
        for (String name : names) {
            String shown = shown(name, vars.get(name));
            String verdict;
            if (errors.containsKey(name)) {
                verdict = "ERROR " + errors.get(name);
            } else if (!HeatGateConfig.NAMES.contains(name)) {
                verdict = "WARNING unknown variable (not a Heat Gate setting)";
            } else {
                verdict = "OK";
            }
            out.println(name + "=" + shown + "  " + verdict);
        }
        errors.keySet().stream().filter(n -> !names.contains(n)).forEach(n -> out.println(n + "  ERROR " + errors.get(n)));
        out.println(errors.isEmpty() ? "Configuration OK" : "Configuration has " + errors.size() + " error(s)");
        out.flush();
        return errors.isEmpty() ? 0 : 1;
    }

    /** Secrets never printed: the password, and a URL that may carry one. */
    static String shown(String name, String value) {
        if (value == null) {
            return "(unset, default)";
        }
        if (name.equals("REDIS_PASSWORD") && !value.isEmpty()) {
            return "***";
        }
        if (name.equals("REDIS_URL")) {
            return value.replaceAll("//[^@/]*@", "//***@");
        }
        return value;
    }
}
