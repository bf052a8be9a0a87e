package io.quantumgates.governor.exchange;

import io.quantumgates.common.binance.BinanceError;

/** The meta {@code last_error} value of a failed cycle (contract §5: auth failures by name, else the metric status). */
final class LastError {
    private LastError() {}

    static String of(BinanceError error) {
        return switch (error) {
            case AUTH_REJECTED, BAD_SIGNATURE -> "auth_rejected";
            default -> error.metricStatus();
        };
    }
}
