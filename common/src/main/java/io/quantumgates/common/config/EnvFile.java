package io.quantumgates.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a systemd {@code EnvironmentFile} for {@code check-config --env-file}: {@code KEY=VALUE} lines, {@code #} and
 * {@code ;} comment lines, blank lines, an optional leading {@code export }, one pair of surrounding single or double
 * quotes stripped (inside double quotes {@code \"} and {@code \\} are unescaped, as systemd does). No variable
 * expansion and no line continuation. A later duplicate wins, as in systemd.
 *
 * <p>Errors name the file and line number but never echo the line: it may hold a secret.
 */
public final class EnvFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvFile() {}

    public static Map<String, String> parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            int lineNo = i + 1;
            if (trimmed.startsWith("export ") || trimmed.startsWith("export\t")) {
                trimmed = trimmed.substring("export".length()).strip();
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                throw new EnvFileException(file, lineNo, "expected NAME=VALUE");
            }
            String name = trimmed.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                throw new EnvFileException(file, lineNo, "invalid variable name");
            }
            vars.put(name, value(trimmed.substring(eq + 1).strip(), file, lineNo));
        }
        return Collections.unmodifiableMap(vars);
    }

    private static String value(String v, Path file, int lineNo) {
        if (v.isEmpty()) {
            return v;
        }
        char q = v.charAt(0);
        if (q != '"' && q != '\'') {
            return v;
        }
        StringBuilder out = new StringBuilder();
        int i = 1;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == q) {
                break;
            }
            if (q == '"' && c == '\\' && i + 1 < v.length()) {
                char next = v.charAt(i + 1);
                if (next == '"' || next == '\\' || next == '$' || next == '`') {
                    out.append(next);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        if (i >= v.length()) {
            throw new EnvFileException(file, lineNo, "unterminated quote");
        }
        if (!v.substring(i + 1).isBlank()) {
            throw new EnvFileException(file, lineNo, "text after closing quote");
        }
        return out.toString();
    }

    /** A line that is not {@code NAME=VALUE}. */
    public static final class EnvFileException extends RuntimeException {
        private final int line;

        EnvFileException(Path file, int line, String problem) {
            super("Invalid env file " + file + " line " + line + ": " + problem);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
