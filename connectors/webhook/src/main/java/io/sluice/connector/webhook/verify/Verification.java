package io.sluice.connector.webhook.verify;

import java.util.Objects;

/**
 * The outcome of {@link SignatureScheme#verify}: either {@link Verified} or {@link Rejected}.
 *
 * <p>Callers branch with {@code instanceof}: a verified request carries the sender's delivery id
 * (the idempotency key) and event type; a rejected one carries the reason and a message fit for the
 * response body and the log, which names the failed check and the header but never a secret or an
 * expected signature.
 */
public sealed interface Verification {

    /**
     * Creates the outcome of a request whose signature verified.
     *
     * @param deliveryId the sender's delivery id, or {@code null} when the scheme has none
     * @param eventType the sender's event type, or {@code null} when the scheme has none
     * @return a verified outcome
     */
    static Verified verified(String deliveryId, String eventType) {
        return new Verified(deliveryId, eventType);
    }

    /**
     * Creates the outcome of a request that failed a check.
     *
     * @param reason which check failed
     * @param message which check failed and on which header, without any secret material
     * @return a rejected outcome
     */
    static Rejected rejected(Rejection reason, String message) {
        return new Rejected(reason, message);
    }

    /**
     * Tells whether the request verified.
     *
     * @return {@code true} for {@link Verified}, {@code false} for {@link Rejected}
     */
    boolean isVerified();

    /**
     * A request whose signature matched one of the configured secrets.
     *
     * @param deliveryId the sender's id for this delivery, stable across retries; {@code null} when
     *     the scheme or the request carries none
     * @param eventType the sender's event type; {@code null} when the scheme or the request carries
     *     none
     */
    record Verified(String deliveryId, String eventType) implements Verification {
        @Override
        public boolean isVerified() {
            return true;
        }
    }

    /**
     * A request that failed a check.
     *
     * @param reason which check failed; gives the HTTP status through {@link
     *     Rejection#httpStatus()}
     * @param message a human-readable account naming the check and the header
     */
    record Rejected(Rejection reason, String message) implements Verification {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if either component is {@code null}
         */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean isVerified() {
            return false;
        }

        /**
         * Returns the HTTP status to answer with.
         *
         * @return the status of {@link #reason()}
         */
        public int httpStatus() {
            return reason.httpStatus();
        }
    }
}
