package io.quantumgates.governor.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who ran a command, as recorded in events ({@code by} = {@code user@host}). Through {@code sudo -u qt} the person is
 * {@code SUDO_USER}, not the service account.
 */
final class Operator {
    private Operator() {}

    static String identity() {
        String sudoUser = System.getenv("SUDO_USER");
        String user = sudoUser != null && !sudoUser.isBlank() ? sudoUser.strip() : System.getProperty("user.name", "unknown");
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
