package io.sluice.connector.webhook.verify;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The HMAC digests a generic HMAC sender may use. */
public enum HmacAlgorithm {
    /** HMAC-SHA1: legacy senders only. */
    HMAC_SHA1("HmacSHA1"),
    /** HMAC-SHA256: what nearly every provider uses. */
    HMAC_SHA256("HmacSHA256"),
    /** HMAC-SHA512. */
    HMAC_SHA512("HmacSHA512");

    private final String jcaName;

    HmacAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /**
     * Returns the name the Java Cryptography Architecture knows this algorithm by.
     *
     * @return for example {@code HmacSHA256}
     */
    public String jcaName() {
        return jcaName;
    }

    /**
     * Finds an algorithm by its JCA name, ignoring case.
     *
     * @param name for example {@code HmacSHA256}
     * @return the algorithm
     * @throws IllegalArgumentException naming the supported algorithms if {@code name} is not one
     */
    public static HmacAlgorithm of(String name) {
        return Arrays.stream(values())
                .filter(algorithm -> algorithm.jcaName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> unknown(name));
    }

    private static IllegalArgumentException unknown(String name) {
        String supported = Arrays.stream(values()).map(HmacAlgorithm::jcaName).collect(Collectors.joining(", "));
        return new IllegalArgumentException("'algorithm' must be one of " + supported + ", but was '" + name + "'");
    }
}
