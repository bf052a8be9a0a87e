package io.quantumgates.common.binance;

import io.quantumgates.common.config.Secret;

/** API key and secret; both print as {@code ***}. */
public record BinanceCredentials(Secret apiKey, Secret apiSecret) {
    public boolean present() {
        return !apiKey.isEmpty() && !apiSecret.isEmpty();
    }
}
