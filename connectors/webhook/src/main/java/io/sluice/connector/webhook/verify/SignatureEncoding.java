package io.sluice.connector.webhook.verify;

import java.util.Locale;

/** How a generic HMAC sender writes the signature bytes into its header. */
public enum SignatureEncoding {
    /** Hexadecimal, in either case, as GitHub and Stripe write it. */
    HEX,
    /** Standard base64, padding optional, as Standard Webhooks, Shopify and Hookdeck write it. */
    BASE64;

    /**
     * Finds an encoding by its configuration name, ignoring case.
     *
     * @param name {@code hex} or {@code base64}
     * @return the encoding
     * @throws IllegalArgumentException naming the supported encodings if {@code name} is not one
     */
    public static SignatureEncoding of(String name) {
        String normalised = name == null ? "" : name.toUpperCase(Locale.ROOT);
        if (normalised.equals(HEX.name()) || normalised.equals(BASE64.name())) {
            return valueOf(normalised);
        }
        throw new IllegalArgumentException("'encoding' must be one of hex, base64, but was '" + name + "'");
    }
}
