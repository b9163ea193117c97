package io.sluice.connector.webhook.verify.impl;

import io.sluice.connector.webhook.verify.Rejection;
import io.sluice.connector.webhook.verify.Verification;

/**
 * A failed check, thrown inside a scheme and returned to the caller as a rejection.
 *
 * <p>Carries no stack trace: it is an expected outcome on a hot path, never a bug, and it never
 * leaves {@link AbstractScheme}.
 */
final class VerificationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Rejection reason;

    private VerificationFailure(Rejection reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    static VerificationFailure missing(String header) {
        return new VerificationFailure(Rejection.MISSING_HEADER, "header '" + header + "' is missing");
    }

    static VerificationFailure malformed(String header, String rule) {
        return new VerificationFailure(Rejection.MALFORMED_HEADER, "header '" + header + "' " + rule);
    }

    static VerificationFailure badSignature(String header) {
        return new VerificationFailure(
                Rejection.BAD_SIGNATURE,
                "no signature in header '" + header + "' matches the body under any configured secret");
    }

    static VerificationFailure outOfTolerance(String header, String detail) {
        return new VerificationFailure(Rejection.TIMESTAMP_OUT_OF_TOLERANCE, "header '" + header + "' " + detail);
    }

    Verification toVerification() {
        return Verification.rejected(reason, getMessage());
    }
}
