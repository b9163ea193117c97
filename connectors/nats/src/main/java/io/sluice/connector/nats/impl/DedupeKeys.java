package io.sluice.connector.nats.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Key names for dedupe keys in a JetStream key-value bucket: {@code <namespace>.<hash>}.
 *
 * <p>A dedupe key is any text (a JSON list of fields, an e-mail address), while a bucket key allows
 * only letters, digits and {@code -_/=.}, with dots separating tokens. So the key is hashed: SHA-256
 * in unpadded base64url, 43 characters whatever the key's length, and no personal data in the
 * bucket. The namespace (the route's name) stays readable, so that {@code nats kv ls} shows whose
 * keys a bucket holds and routes sharing a bucket never share keys; a name with other characters
 * is encoded after an {@code =}, which no plain name contains.
 */
final class DedupeKeys {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private DedupeKeys() {}

    /** The bucket key for the dedupe key within the namespace. */
    static String of(String namespace, String key) {
        return token(namespace) + "." + hash(key);
    }

    private static String token(String namespace) {
        return PLAIN.matcher(namespace).matches()
                ? namespace
                : "=" + BASE64URL.encodeToString(namespace.getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(String key) {
        try {
            // MessageDigest is not thread-safe; one per call costs less than a round trip to NATS.
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return BASE64URL.encodeToString(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
