package io.sluice.connector.webhook.impl;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Checks a shared secret a sender puts in a header, as Supabase Database Webhooks can (the
 * dashboard lets users add any HTTP header; they sign nothing).
 *
 * <p>With the default header, {@code Authorization}, the value is {@code Bearer <secret>} (the
 * scheme in any case); with any other header it is the secret itself. Comparison is constant-time:
 * SHA-256 digests of the presented and each configured secret are compared with {@link
 * MessageDigest#isEqual}, every secret every time, so neither content nor length leaks through
 * timing. Thread-safe.
 */
final class SharedSecret {

    private static final String BEARER = "bearer ";

    private final String header;
    private final List<byte[]> digests;

    SharedSecret(String header, List<String> secrets) {
        this.header = header;
        this.digests = secrets.stream().map(SharedSecret::digest).toList();
    }

    String header() {
        return header;
    }

    /** @throws Refusal 401 when the header is missing, repeated or carries no configured secret */
    void check(HttpServerRequest request) {
        List<String> values = request.headers().getAll(header);
        if (values.isEmpty()) {
            throw Refusal.missingSecret(header);
        }
        String presented = values.size() == 1 ? token(values.get(0)) : null;
        boolean matched = false;
        byte[] digest = digest(presented == null ? "" : presented);
        for (byte[] expected : digests) {
            matched |= MessageDigest.isEqual(expected, digest);
        }
        if (presented == null || !matched) {
            throw Refusal.badSecret(header);
        }
    }

    private String token(String value) {
        if (!header.equalsIgnoreCase(HttpHeaders.AUTHORIZATION.toString())) {
            return value;
        }
        boolean bearer = value.length() > BEARER.length() && value.regionMatches(true, 0, BEARER, 0, BEARER.length());
        return bearer ? value.substring(BEARER.length()).trim() : null;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
