package io.quantumgates.heatgate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A systemd {@code EnvironmentFile}: {@code NAME=value} lines, {@code #} comments, optional quotes. */
final class EnvFile {
    private EnvFile() {}

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            vars.put(name, value);
        }
        return vars;
    }
}
