package io.sluice.connector.webhook.verify.impl;

import io.sluice.connector.webhook.verify.SignatureScheme;
import io.sluice.connector.webhook.verify.Verification;
import io.sluice.connector.webhook.verify.WebhookRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns the first failed check of a scheme into a rejection, so schemes read as a straight line.
 */
abstract class AbstractScheme implements SignatureScheme {

    private final String name;

    AbstractScheme(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Verification verify(WebhookRequest request, Instant now) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(now, "now");
        try {
            return check(request, now);
        } catch (VerificationFailure failure) {
            return failure.toVerification();
        }
    }

    /**
     * Runs every check in order and returns the verified outcome.
     *
     * @throws VerificationFailure on the first failed check
     */
    abstract Verification check(WebhookRequest request, Instant now);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
