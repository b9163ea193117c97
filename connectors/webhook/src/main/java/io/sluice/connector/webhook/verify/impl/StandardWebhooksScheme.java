package io.sluice.connector.webhook.verify.impl;

import io.sluice.connector.webhook.verify.HmacAlgorithm;
import io.sluice.connector.webhook.verify.Secret;
import io.sluice.connector.webhook.verify.Verification;
import io.sluice.connector.webhook.verify.WebhookRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard Webhooks 1.0, symmetric {@code v1}: HMAC-SHA256 over {@code id.timestamp.body}, each
 * signature written {@code v1,<base64>} in a space-separated list.
 */
public final class StandardWebhooksScheme extends AbstractScheme {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    private static final byte[] DOT = {'.'};
    private static final String VERSION = "v1";

    private final Hmac hmac;
    private final TimestampWindow window;

    /**
     * Creates the scheme from options already checked by the public factory.
     *
     * @param secrets the accepted secrets, not empty
     * @param tolerance the timestamp tolerance, not negative
     */
    public StandardWebhooksScheme(List<Secret> secrets, Duration tolerance) {
        super("standard-webhooks");
        this.hmac = new Hmac(HmacAlgorithm.HMAC_SHA256, secrets);
        this.window = new TimestampWindow(TIMESTAMP, tolerance);
    }

    @Override
    Verification check(WebhookRequest request, Instant now) {
        String id = RequestHeaders.required(request, ID);
        String timestamp = RequestHeaders.required(request, TIMESTAMP);
        long seconds = window.parse(timestamp);
        List<byte[]> signatures = signatures(request);
        byte[] body = request.body();

        if (!hmac.matchesAny(signatures, RequestHeaders.octets(id), DOT, RequestHeaders.octets(timestamp), DOT, body)) {
            throw VerificationFailure.badSignature(SIGNATURE);
        }
        // Checked after the signature so that only a genuine sender learns its clock is off (400);
        // anyone else gets the same 401 whatever the timestamp.
        window.check(seconds, now);
        return Verification.verified(id, JsonFields.read(body).type());
    }

    /**
     * Collects the decoded {@code v1} signatures. Entries of other versions ({@code v1a}, future
     * ones) are skipped, as the specification asks; values of a repeated header are pooled as one
     * list.
     */
    private static List<byte[]> signatures(WebhookRequest request) {
        List<String> values = request.headers(SIGNATURE);
        if (values.isEmpty()) {
            throw VerificationFailure.missing(SIGNATURE);
        }
        List<byte[]> signatures = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.trim().split(" +")) {
                addIfV1(entry, signatures);
            }
        }
        if (signatures.isEmpty()) {
            throw VerificationFailure.malformed(SIGNATURE, "carries no 'v1,<base64>' signature");
        }
        return signatures;
    }

    private static void addIfV1(String entry, List<byte[]> signatures) {
        int comma = entry.indexOf(',');
        if (comma > 0 && entry.substring(0, comma).equals(VERSION)) {
            byte[] signature = Encodings.base64OrNull(entry.substring(comma + 1));
            if (signature != null) {
                signatures.add(signature);
            }
        }
    }
}
