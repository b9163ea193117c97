package io.sluice.connector.webhook.verify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The key bytes of one webhook signing secret.
 *
 * <p>Providers print their secrets in different shapes, and the shape decides the key bytes:
 * GitHub, Stripe and most HMAC senders use the UTF-8 bytes of the text as shown (even Stripe's
 * {@code whsec_} text is used whole), while Standard Webhooks base64-decodes what follows
 * {@code whsec_}. Pick the factory that matches the provider: {@link #ofText} or
 * {@link #ofStandardWebhooks}.
 *
 * <p>Instances are immutable. {@link #toString()} reveals neither the bytes nor their length.
 */
public final class Secret {

    private static final String STANDARD_WEBHOOKS_PREFIX = "whsec_";

    private final byte[] key;

    private Secret(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("secret must not be empty, but was 0 bytes long");
        }
        this.key = key;
    }

    /**
     * Creates a secret from raw key bytes.
     *
     * @param key the key; copied
     * @return the secret
     * @throws IllegalArgumentException if {@code key} is empty
     */
    public static Secret ofBytes(byte[] key) {
        return new Secret(Objects.requireNonNull(key, "key").clone());
    }

    /**
     * Creates a secret from the UTF-8 bytes of its text, as GitHub, Stripe and most HMAC senders
     * use.
     *
     * @param text the secret as the provider shows it
     * @return the secret
     * @throws IllegalArgumentException if {@code text} is empty
     */
    public static Secret ofText(String text) {
        return new Secret(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates a secret from standard base64 text.
     *
     * @param base64 the key in standard base64
     * @return the secret
     * @throws IllegalArgumentException if {@code base64} is not valid base64 or decodes to nothing
     */
    public static Secret ofBase64(String base64) {
        Objects.requireNonNull(base64, "base64");
        try {
            return new Secret(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            // The cause is dropped on purpose: the decoder's message quotes the offending character,
            // which is a piece of the secret.
            throw new IllegalArgumentException("secret must be standard base64 (A-Z a-z 0-9 + / =), but was not");
        }
    }

    /**
     * Creates a secret in the Standard Webhooks shape: {@code whsec_} followed by base64.
     *
     * <p>A secret without the {@code whsec_} prefix is accepted as bare base64, as the reference
     * Standard Webhooks and Svix libraries accept it, since some dashboards show it that way.
     *
     * @param text {@code whsec_<base64>} or bare base64
     * @return the secret
     * @throws IllegalArgumentException if the part after the prefix is not valid base64
     */
    public static Secret ofStandardWebhooks(String text) {
        Objects.requireNonNull(text, "text");
        String base64 =
                text.startsWith(STANDARD_WEBHOOKS_PREFIX) ? text.substring(STANDARD_WEBHOOKS_PREFIX.length()) : text;
        return ofBase64(base64);
    }

    /**
     * Returns a copy of the key bytes.
     *
     * @return the key; the caller owns the copy
     */
    public byte[] bytes() {
        return key.clone();
    }

    /** Returns a fixed text that reveals nothing about the key. */
    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
