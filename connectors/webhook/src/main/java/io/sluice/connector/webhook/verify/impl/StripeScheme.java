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
 * Stripe: {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>...]}, HMAC-SHA256 over
 * {@code t.body}.
 *
 * <p>Mirrors stripe-java's {@code Webhook.Signature.verifyHeader}, except that a timestamp too far
 * in the future is rejected too; stripe-java only rejects stale ones.
 */
public final class StripeScheme extends AbstractScheme {

    static final String SIGNATURE = "Stripe-Signature";

    private static final byte[] DOT = {'.'};

    private final Hmac hmac;
    private final TimestampWindow window;

    /**
     * Creates the scheme from options already checked by the public factory.
     *
     * @param secrets the accepted endpoint secrets, not empty
     * @param tolerance the timestamp tolerance, not negative
     */
    public StripeScheme(List<Secret> secrets, Duration tolerance) {
        super("stripe");
        this.hmac = new Hmac(HmacAlgorithm.HMAC_SHA256, secrets);
        this.window = new TimestampWindow(SIGNATURE, tolerance);
    }

    @Override
    Verification check(WebhookRequest request, Instant now) {
        SignatureHeader header = parse(RequestHeaders.required(request, SIGNATURE));
        long seconds = window.parse(header.timestamp());
        byte[] body = request.body();

        if (!hmac.matchesAny(header.signatures(), RequestHeaders.octets(header.timestamp()), DOT, body)) {
            throw VerificationFailure.badSignature(SIGNATURE);
        }
        // After the signature, as for Standard Webhooks: only a genuine sender learns of its clock.
        window.check(seconds, now);
        // The id and type live in the body, so they are trusted only now that the body is.
        JsonFields fields = JsonFields.read(body);
        return Verification.verified(fields.id(), fields.type());
    }

    private static SignatureHeader parse(String header) {
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String item : header.split(",")) {
            int equals = item.indexOf('=');
            String key = equals < 0 ? item.strip() : item.substring(0, equals).strip();
            String value = equals < 0 ? "" : item.substring(equals + 1).strip();
            if (key.equals("t")) {
                timestamp = onlyTimestamp(timestamp, value);
            } else if (key.equals("v1")) {
                addIfHex(value, signatures);
            }
            // Every other scheme, such as v0, is ignored: Stripe asks receivers to accept only v1,
            // so that a forged weaker signature cannot downgrade the check.
        }
        if (timestamp == null) {
            throw VerificationFailure.malformed(SIGNATURE, "carries no 't=<unix seconds>' item");
        }
        if (signatures.isEmpty()) {
            throw VerificationFailure.malformed(SIGNATURE, "carries no 'v1=<hex>' signature");
        }
        return new SignatureHeader(timestamp, signatures);
    }

    private static String onlyTimestamp(String previous, String value) {
        if (previous != null) {
            throw VerificationFailure.malformed(SIGNATURE, "must carry one 't' item, but carried several");
        }
        return value;
    }

    private static void addIfHex(String value, List<byte[]> signatures) {
        byte[] signature = Encodings.hexOrNull(value);
        if (signature != null) {
            signatures.add(signature);
        }
    }

    /** The parts of {@code Stripe-Signature} that matter: the signed timestamp text and the v1 MACs. */
    private record SignatureHeader(String timestamp, List<byte[]> signatures) {}
}
