package io.quantumgates.common.config;

/**
 * A bad configuration value. The message is the one line the contract prints before exit 2:
 * {@code Invalid configuration: NAME='value' (expected form)}. Secret values are shown as {@code ***}.
 */
public final class ConfigException extends RuntimeException {
    private final String variable;

    public ConfigException(String variable, String shownValue, String expected) {
        super("Invalid configuration: " + variable + "='" + shownValue + "' (expected " + expected + ")");
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
