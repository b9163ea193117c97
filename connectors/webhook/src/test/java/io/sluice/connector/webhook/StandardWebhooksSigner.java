package io.sluice.connector.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries as a Standard Webhooks 1.0 sender does, straight through javax.crypto and
 * independently of the code under test: {@code v1,base64(HMAC-SHA256(key, id.timestamp.body))}.
 */
final class StandardWebhooksSigner {

    private final byte[] key = new byte[32];

    StandardWebhooksSigner() {
        new SecureRandom().nextBytes(key);
    }

    /** The secret as a sender's dashboard shows it. */
    String secret() {
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** The three headers for a delivery sent at {@code at}, plus the content type. */
    Map<String, String> headers(String id, Instant at, byte[] body) {
        String timestamp = Long.toString(at.getEpochSecond());
        return Map.of(
                "webhook-id",
                id,
                "webhook-timestamp",
                timestamp,
                "webhook-signature",
                "v1," + sign(id + "." + timestamp + ".", body),
                "Content-Type",
                "application/json; charset=utf-8");
    }

    private String sign(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("the JVM cannot compute HmacSHA256", e);
        }
    }
}
