package io.quantumgates.governor.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who ran a command, as recorded in events ({@code by} = {@code user@host}). */
final class Operator {
    private Operator() {}

    static String identity() {
        String user = System.getProperty("user.name", "unknown");
        return user + "@" + host();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown-host" : env;
        }
    }
}
