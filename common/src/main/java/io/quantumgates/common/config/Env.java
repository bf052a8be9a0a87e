package io.quantumgates.common.config;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Typed reads of environment variables with defaults. Every failed read throws {@link ConfigException} naming
 * the variable, the value seen and the form expected. Remembers which names were read so that unknown names with
 * the daemon's prefixes can be warned about.
 *
 * <p>An unset or blank value gives the default. Typed values are trimmed before parsing (an env file line
 * {@code GOV_MAX_OPEN_POSITIONS=10 } is not a typo worth stopping for); {@link #string} and {@link #secret} return
 * the value as given.
 */
public final class Env {
    private final Map<String, String> vars;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** Raw value or the default when unset or blank. */
    public String string(String name, String defaultValue) {
        String raw = raw(name);
        return raw == null ? defaultValue : raw;
    }

    /** Integer in [min, max]. */
    public int integer(String name, int defaultValue, int min, int max) {
        return (int) longValue(name, defaultValue, min, max, Range.integers(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    /** Long in [min, max]. */
    public long longValue(String name, long defaultValue, long min, long max) {
        return longValue(name, defaultValue, min, max, Range.integers(min, max, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    private long longValue(String name, long defaultValue, long min, long max, String expected) {
        String raw = raw(name);
        if (raw == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name, raw, expected);
        }
        if (value < min || value > max) {
            throw new ConfigException(name, raw, expected);
        }
        return value;
    }

    /** Finite decimal in [min, max]; {@code min} and {@code max} may be null for unbounded. */
    public BigDecimal decimal(String name, String defaultValue, BigDecimal min, BigDecimal max) {
        String raw = raw(name);
        if (raw == null) {
            return new BigDecimal(defaultValue);
        }
        String expected = Range.decimals(min, max);
        BigDecimal value;
        try {
            value = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name, raw, expected);
        }
        // BigDecimal takes 1e999999; the daemons compute in doubles as the original did, so keep them finite.
        if (Double.isInfinite(value.doubleValue())
                || (min != null && value.compareTo(min) < 0)
                || (max != null && value.compareTo(max) > 0)) {
            throw new ConfigException(name, raw, expected);
        }
        return value;
    }

    /** {@code true}/{@code false}, any case. */
    public boolean bool(String name, boolean defaultValue) {
        String raw = raw(name);
        if (raw == null) {
            return defaultValue;
        }
        String v = raw.trim();
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException(name, raw, "true or false");
    }

    /** One of the allowed values (compared case-insensitively, returned as the allowed spelling). */
    public String oneOf(String name, String defaultValue, String... allowed) {
        String raw = raw(name);
        if (raw == null) {
            return defaultValue;
        }
        String v = raw.trim();
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw new ConfigException(name, raw, "one of " + String.join("|", allowed));
    }

    /** A secret; empty when unset or blank. */
    public Secret secret(String name) {
        String raw = raw(name);
        return raw == null ? Secret.empty() : Secret.of(raw);
    }

    /** Names read so far through this Env, sorted. */
    public Set<String> readNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(read));
    }

    /** Names present in the environment that start with one of the prefixes but were never read, sorted. */
    public Set<String> unknownNames(String... prefixes) {
        return vars.keySet().stream()
                .filter(n -> Arrays.stream(prefixes).anyMatch(n::startsWith))
                .filter(n -> !read.contains(n))
                .collect(Collectors.collectingAndThen(
                        Collectors.toCollection(TreeSet::new), Collections::unmodifiableSortedSet));
    }

    /** The value, or null when unset or blank; records the read. */
    private String raw(String name) {
        read.add(name);
        String v = vars.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** The "expected" half of the message, e.g. {@code integer 0..65535}, {@code decimal >= 0}. */
    static final class Range {
        private Range() {}

        static String integers(long min, long max, long typeMin, long typeMax) {
            return bounded("integer", min == typeMin ? null : Long.toString(min), max == typeMax ? null : Long.toString(max));
        }

        static String decimals(BigDecimal min, BigDecimal max) {
            return bounded("decimal", min == null ? null : min.toPlainString(), max == null ? null : max.toPlainString());
        }

        private static String bounded(String kind, String min, String max) {
            if (min == null && max == null) {
                return kind;
            }
            if (max == null) {
                return kind + " >= " + min;
            }
            if (min == null) {
                return kind + " <= " + max;
            }
            return kind + " " + min + ".." + max;
        }
    }

    @Override
    public String toString() {
        // Values may be secrets: show names only.
        return "Env(" + vars.size() + " names)";
    }
}
