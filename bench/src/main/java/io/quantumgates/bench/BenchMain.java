package io.quantumgates.bench;

/** Entry point of {@code quantum-bench.jar}. */
public final class BenchMain {
    public static void main(String[] args) {
        System.out.println("quantum-bench 0.1.0");
    }
}
