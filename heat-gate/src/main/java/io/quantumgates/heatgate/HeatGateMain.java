package io.quantumgates.heatgate;

/** Entry point of {@code quantum-heat-gate.jar}. */
public final class HeatGateMain {
    public static void main(String[] args) {
        System.out.println("quantum-heat-gate 0.1.0");
    }
}
