package io.quantumgates.common.config;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code check-config --env-file F} for both daemons: judges the file alone with the daemon's own config code and
 * prints every variable it reads (and every one the file sets) with {@code OK} or its error, secrets as {@code ***}.
 * Start-up stops at the first bad value; an operator fixing a file wants them all, so a failing variable is set aside
 * (its default used) and the rest judged again.
 */
public final class ConfigCheck {
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|API_KEY).*");

    /** Builds the daemon's config from {@code env} and returns its start-up warnings; throws {@link ConfigException}. */
    @FunctionalInterface
    public interface Loader {
        List<String> load(Env env);
    }

    private ConfigCheck() {}

    /**
     * Prints the report for {@code fileVars} and returns whether the daemon would start.
     *
     * @param daemon e.g. {@code Governor}, for the report's lines
     * @param prefixes the daemon's own prefixes: a set name with one of them that the config never reads is a typo
     */
    public static boolean report(String source, String daemon, Map<String, String> fileVars, Loader loader,
            List<String> prefixes, PrintWriter out) {
        Verdicts verdicts = validate(fileVars, loader);
        out.println("Checking " + source + " (" + daemon + " configuration):");
        Set<String> names = new TreeSet<>(verdicts.read());
        names.addAll(fileVars.keySet());
        for (String name : names) {
            String verdict;
            if (verdicts.errors().containsKey(name)) {
                verdict = "ERROR " + verdicts.errors().get(name);
            } else if (verdicts.read().contains(name)) {
                verdict = "OK";
            } else if (prefixes.stream().anyMatch(name::startsWith)) {
                verdict = "WARNING unknown variable, ignored by the " + daemon + " (check the spelling)";
            } else {
                verdict = "not a " + daemon + " variable (ignored)";
            }
            out.println("  " + name + "=" + shown(name, fileVars.get(name)) + "  " + verdict);
        }
        verdicts.warnings().forEach(w -> out.println("WARNING " + w));
        boolean valid = verdicts.errors().isEmpty();
        out.println(valid ? "Configuration OK"
                : "Configuration INVALID: " + verdicts.errors().size() + " error(s); the daemon would exit 2");
        out.flush();
        return valid;
    }

    record Verdicts(Set<String> read, Map<String, String> errors, List<String> warnings) {}

    static Verdicts validate(Map<String, String> fileVars, Loader loader) {
        Map<String, String> vars = new HashMap<>(fileVars);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> read = new TreeSet<>();
        for (int round = 0; round <= fileVars.size(); round++) {
            Env env = new Env(vars);
            try {
                List<String> warnings = loader.load(env);
                read.addAll(env.readNames());
                return new Verdicts(read, errors, warnings);
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
        return name.equals("REDIS_URL") ? RedisSettings.masked(value) : value;
    }
}
