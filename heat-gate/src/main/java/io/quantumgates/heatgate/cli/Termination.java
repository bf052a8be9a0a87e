package io.quantumgates.heatgate.cli;

import sun.misc.Signal;

/**
 * Turns SIGTERM/SIGINT into an orderly stop. A shutdown hook could drain too, but the JVM would then exit with 143;
 * the contract wants 0 after SIGTERM so systemd records a clean stop.
 */
final class Termination {
    private Termination() {}

    @SuppressWarnings("removal")
    static void onSignal(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), s -> action.run());
        }
    }
}
