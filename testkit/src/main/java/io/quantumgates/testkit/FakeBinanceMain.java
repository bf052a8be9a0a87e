package io.quantumgates.testkit;

/** {@code java -jar testkit/target/quantum-fake-binance.jar --port P --state FILE}: the simulated exchange. */
public final class FakeBinanceMain {
    public static void main(String[] args) {
        throw new UnsupportedOperationException("todo");
    }
}
