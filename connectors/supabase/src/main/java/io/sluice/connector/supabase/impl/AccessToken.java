package io.sluice.connector.supabase.impl;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A user JWT as Realtime takes it in {@code access_token}, with its expiry read from the payload's
 * {@code exp} claim. The signature is not checked: the server does that; the client only needs to
 * know when to push a fresher token.
 *
 * @param jwt the token as read from the file, trimmed
 * @param expiresAt {@code exp}, or {@code null} when the token carries none
 */
record AccessToken(String jwt, Instant expiresAt) {

    AccessToken {
        Objects.requireNonNull(jwt, "jwt");
    }

    /**
     * Reads a compact JWT ({@code header.payload.signature}).
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the token
     */
    static AccessToken parse(String text) {
        String jwt = text.trim();
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            throw new IllegalArgumentException("is not a JWT (header.payload.signature)");
        }
        JsonObject claims;
        try {
            claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DecodeException e) {
            throw new IllegalArgumentException("has a JWT payload that is not base64url-encoded JSON");
        }
        Object exp = claims.getValue("exp");
        if (exp != null && !(exp instanceof Number)) {
            throw new IllegalArgumentException("has a JWT 'exp' claim that is not a number");
        }
        return new AccessToken(jwt, exp == null ? null : Instant.ofEpochSecond(((Number) exp).longValue()));
    }

    /** Whether the token expires before the given instant. */
    boolean expiresBefore(Instant instant) {
        return expiresAt != null && expiresAt.isBefore(instant);
    }

    @Override
    public String toString() {
        // Never the token itself: this ends up in logs.
        return "access token expiring at " + (expiresAt == null ? "(no exp)" : expiresAt);
    }
}
