package io.sluice.connector.webhook.verify;

/**
 * Why a {@link SignatureScheme} rejected a request, and the HTTP status the receiver answers with.
 *
 * <p>Every failure to prove the sender's identity answers 401. A stale or future timestamp answers
 * 400 instead: the signature was genuine, so the sender learns that its clock or its replay is the
 * problem rather than its secret.
 */
public enum Rejection {
    /** A header the scheme requires is absent. */
    MISSING_HEADER(401),
    /** A header is present but cannot be parsed, is repeated, or carries no usable signature. */
    MALFORMED_HEADER(401),
    /** No signature in the request matches the body under any configured secret. */
    BAD_SIGNATURE(401),
    /** The signed timestamp lies further from now than the tolerance, in the past or the future. */
    TIMESTAMP_OUT_OF_TOLERANCE(400);

    private final int httpStatus;

    Rejection(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /**
     * Returns the HTTP status a receiver answers a request rejected for this reason with.
     *
     * @return 401 for identity failures, 400 for a timestamp out of tolerance
     */
    public int httpStatus() {
        return httpStatus;
    }
}
