package io.quantumgates.common.config;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of environment variables with defaults. Every failed read throws {@link ConfigException} naming
 * the variable, the value seen and the form expected. Remembers which names were read so that unknown names with
 * the daemon's prefixes can be warned about.
 *
 * <p>API agreed across modules; bodies are filled in by the config work.
 */
public final class Env {
    private final Map<String, String> vars;

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** Raw value or the default when unset or blank. */
    public String string(String name, String defaultValue) {
        throw new UnsupportedOperationException("todo");
    }

    /** Integer in [min, max]. */
    public int integer(String name, int defaultValue, int min, int max) {
        throw new UnsupportedOperationException("todo");
    }

    /** Long in [min, max]. */
    public long longValue(String name, long defaultValue, long min, long max) {
        throw new UnsupportedOperationException("todo");
    }

    /** Finite decimal in [min, max]; {@code max} may be null for unbounded. */
    public BigDecimal decimal(String name, String defaultValue, BigDecimal min, BigDecimal max) {
        throw new UnsupportedOperationException("todo");
    }

    /** {@code true}/{@code false}, any case. */
    public boolean bool(String name, boolean defaultValue) {
        throw new UnsupportedOperationException("todo");
    }

    /** One of the allowed values (compared case-insensitively, returned as the allowed spelling). */
    public String oneOf(String name, String defaultValue, String... allowed) {
        throw new UnsupportedOperationException("todo");
    }

    /** A secret; empty when unset. */
    public Secret secret(String name) {
        throw new UnsupportedOperationException("todo");
    }

    /** Names read so far through this Env. */
    public Set<String> readNames() {
        throw new UnsupportedOperationException("todo");
    }

    /** Names present in the environment that start with one of the prefixes but were never read. */
    public Set<String> unknownNames(String... prefixes) {
        throw new UnsupportedOperationException("todo");
    }
}
