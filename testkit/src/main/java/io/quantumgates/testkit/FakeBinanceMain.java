package io.quantumgates.testkit;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar testkit/target/quantum-fake-binance.jar [--port P] [--state FILE | --seed] [--api-key K
 * --api-secret S]}: the simulated exchange, until killed. {@code --seed} loads the contract's §7.1 account.
 */
public final class FakeBinanceMain {
    private FakeBinanceMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        Path state = null;
        boolean seed = false;
        String key = FakeBinance.DEFAULT_API_KEY;
        String secret = FakeBinance.DEFAULT_API_SECRET;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--state" -> state = Path.of(args[++i]);
                    case "--seed" -> seed = true;
                    case "--api-key" -> key = args[++i];
                    case "--api-secret" -> secret = args[++i];
                    case "--help", "-h" -> {
                        usage();
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("FakeBinance: " + e.getMessage());
            usage();
            System.exit(2);
        }
        FakeBinance fake = FakeBinance.start(port);
        fake.setCredentials(key, secret);
        if (seed) {
            fake.loadSeedAccount();
        }
        if (state != null) {
            fake.loadState(state);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-binance-stop"));
        System.out.println("FakeBinance listening on " + fake.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static void usage() {
        System.err.println("usage: quantum-fake-binance.jar [--port P] [--state FILE | --seed] [--api-key K --api-secret S]");
    }
}
