package io.sluice.connector.supabase.impl;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Why a channel session ended, and therefore when the next one may start.
 *
 * @param kind what happened
 * @param detail the server's message or what the client saw; never a token
 */
record Ending(Kind kind, String detail) {

    /**
     * Join error codes that only another token can cure (Realtime's {@code "<Code>: <message>"}
     * reasons); retrying them with the same token only adds to the tenant's join rate.
     */
    private static final Set<String> TOKEN_CODES =
            Set.of("InvalidJWTToken", "MalformedJWT", "JwtSignatureError", "Unauthorized");

    /** What ended a session. */
    enum Kind {
        /** The socket closed or failed under an open channel. */
        DROPPED,
        /** A heartbeat was still unanswered when the next one was due. */
        HEARTBEAT_TIMEOUT,
        /** The join got no reply within {@code join-timeout}. */
        JOIN_TIMEOUT,
        /** The join was answered with an error. */
        JOIN_REFUSED,
        /** The join reply did not echo the bindings, in order. */
        BINDING_MISMATCH,
        /**
         * A {@code system} error, which Realtime follows with {@code phx_close}: expired token, lost
         * rights, rate limits.
         */
        CHANNEL_ERROR,
        /** {@code phx_close} with no error before it. */
        CHANNEL_CLOSED,
        /** {@code phx_error}: the server's channel process died. */
        CHANNEL_CRASHED,
        /** The WebSocket upgrade failed or was refused. */
        HANDSHAKE_FAILED;

        /** The metric label, e.g. {@code heartbeat_timeout}. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Ending {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** A WebSocket upgrade refused with an HTTP status (0 when the connection itself failed). */
    static Ending handshake(int status, String detail) {
        return new Ending(Kind.HANDSHAKE_FAILED, status == 0 ? detail : "HTTP " + status + ": " + detail);
    }

    /** Whether the operator must hear of it at ERROR: a refusal, not a network blip. */
    boolean isError() {
        return switch (kind) {
            case JOIN_REFUSED, BINDING_MISMATCH, CHANNEL_ERROR -> true;
            case HANDSHAKE_FAILED -> detail.startsWith("HTTP 4");
            default -> false;
        };
    }

    /**
     * Whether the next attempt should wait for a changed token (or the longest backoff) instead of
     * the next backoff step: the server refused this client as it is, so retrying as it is would
     * only loop.
     */
    boolean waitsForChange() {
        return switch (kind) {
            case CHANNEL_ERROR, BINDING_MISMATCH -> true;
            case JOIN_REFUSED -> TOKEN_CODES.contains(code());
            case HANDSHAKE_FAILED -> detail.startsWith("HTTP 401") || detail.startsWith("HTTP 403");
            default -> false;
        };
    }

    private String code() {
        int colon = detail.indexOf(':');
        return colon < 0 ? detail : detail.substring(0, colon);
    }

    @Override
    public String toString() {
        return kind.label() + " (" + detail + ")";
    }
}
