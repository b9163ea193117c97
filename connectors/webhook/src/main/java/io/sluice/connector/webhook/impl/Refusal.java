package io.sluice.connector.webhook.impl;

import io.sluice.connector.webhook.verify.Rejection;
import io.sluice.connector.webhook.verify.Verification;
import java.util.Locale;

/**
 * Why a request is answered with something other than 2xx: the HTTP status, a stable reason (the
 * {@code reason} label of {@code sluice_webhook_rejected_total}) and a message for the response
 * body, which names the failed check and never a secret.
 *
 * <p>Thrown inside the request's future chain and turned into the response at its end; carries no
 * stack trace since it is an expected outcome, not a bug.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    private Refusal(int status, String reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    static Refusal methodNotAllowed(String method) {
        return new Refusal(405, "method_not_allowed", "method " + method + " is not allowed; send POST");
    }

    static Refusal unsupportedContentType(String contentType, Iterable<String> allowed) {
        return new Refusal(
                415,
                "unsupported_content_type",
                (contentType == null ? "a request without content type" : "content type '" + contentType + "'")
                        + " is not accepted; send one of " + String.join(", ", allowed));
    }

    static Refusal tooLarge(String message) {
        return new Refusal(413, "body_too_large", message);
    }

    /** A signature check that failed: 401, or 400 for a timestamp out of tolerance. */
    static Refusal of(Verification.Rejected rejected) {
        Rejection reason = rejected.reason();
        return new Refusal(rejected.httpStatus(), reason.name().toLowerCase(Locale.ROOT), rejected.message());
    }

    static Refusal missingSecret(String header) {
        return new Refusal(401, "missing_header", "header '" + header + "' is missing");
    }

    static Refusal badSecret(String header) {
        return new Refusal(401, "bad_secret", "header '" + header + "' does not carry any configured secret");
    }

    static Refusal invalidBody(String message) {
        return new Refusal(400, "invalid_body", message);
    }

    /** The delivery may be lost if accepted now: 503, and the sender retries after Retry-After. */
    static Refusal unavailable(String message) {
        return new Refusal(503, "unavailable", message);
    }

    /** A failure nobody planned for: logged with its stack trace, answered 500. */
    static Refusal internal(String message) {
        return new Refusal(500, "internal_error", message);
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
