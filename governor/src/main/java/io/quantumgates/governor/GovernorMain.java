package io.quantumgates.governor;

/** Entry point of {@code quantum-governor.jar}. */
public final class GovernorMain {
    public static void main(String[] args) {
        System.out.println("quantum-governor 0.1.0");
    }
}
