package io.sluice.connector.webhook.verify.impl;

import io.sluice.connector.webhook.verify.HmacAlgorithm;
import io.sluice.connector.webhook.verify.Secret;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes an HMAC under each configured secret and compares it, in constant time, with the
 * signatures a request carries.
 *
 * <p>A {@link Mac} is not thread-safe, so each call takes a fresh one; the keys are prepared once.
 */
final class Hmac {

    private final String algorithm;
    private final List<SecretKeySpec> keys;

    Hmac(HmacAlgorithm algorithm, List<Secret> secrets) {
        this.algorithm = algorithm.jcaName();
        this.keys = secrets.stream()
                .map(secret -> new SecretKeySpec(secret.bytes(), this.algorithm))
                .toList();
        // Fail at construction, not on the first request, if this JVM lacks the algorithm.
        newMac(keys.get(0));
    }

    /**
     * Tells whether any candidate equals the HMAC of the concatenated parts under any secret.
     *
     * @param candidates the decoded signatures the request carries
     * @param parts the signed content, in order, fed to the MAC without copying them together
     */
    boolean matchesAny(List<byte[]> candidates, byte[]... parts) {
        for (SecretKeySpec key : keys) {
            byte[] expected = sign(key, parts);
            for (byte[] candidate : candidates) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private byte[] sign(SecretKeySpec key, byte[]... parts) {
        Mac mac = newMac(key);
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    private Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC algorithm '" + algorithm + "' is unavailable in this JVM", e);
        }
    }
}
