package io.quantumgates.common.binance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Binance's signature: lowercase hex HMAC-SHA256 of the exact query string. */
final class Hmac {
    private Hmac() {}

    static String sha256Hex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // only reachable with an empty secret; the key material itself must not reach the message
            throw new IllegalStateException("cannot sign the request (" + e.getClass().getSimpleName() + ")");
        }
    }
}
