package io.sluice.connector.webhook.verify;

import java.time.Instant;

/**
 * Checks that an inbound webhook was signed by a holder of one of the configured secrets.
 *
 * <p>Built once through {@link SignatureSchemes}; implementations are immutable, thread-safe and
 * non-blocking, so one instance serves every event loop. Every comparison of signature bytes is
 * constant-time, and every signature is computed over the raw body bytes.
 */
public interface SignatureScheme {

    /**
     * Returns the scheme's configuration name, such as {@code standard-webhooks}, for logs.
     *
     * @return the kebab-case scheme name
     */
    String name();

    /**
     * Verifies one request.
     *
     * <p>Headers are checked first (missing or malformed), then the signature, then the timestamp
     * tolerance, so a request that fails several checks is rejected for the first. A scheme never
     * throws for a bad request; it returns a {@link Verification.Rejected}.
     *
     * @param request the request as received
     * @param now the receiver's current time, against which timestamps are judged
     * @return verified with the delivery id and event type, or rejected with the reason
     */
    Verification verify(WebhookRequest request, Instant now);
}
