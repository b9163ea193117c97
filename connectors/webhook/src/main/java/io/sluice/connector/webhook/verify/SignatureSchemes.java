package io.sluice.connector.webhook.verify;

import io.sluice.connector.webhook.verify.impl.HmacScheme;
import io.sluice.connector.webhook.verify.impl.NoneScheme;
import io.sluice.connector.webhook.verify.impl.StandardWebhooksScheme;
import io.sluice.connector.webhook.verify.impl.StripeScheme;
import java.time.Duration;
import java.util.List;

/**
 * Builds the {@link SignatureScheme} for each supported sender from its declared options.
 *
 * <p>Every factory rejects bad options with an {@link IllegalArgumentException} naming the option,
 * the rule and the value, so a misconfigured source fails at start-up, not on the first request.
 */
public final class SignatureSchemes {

    /** The timestamp tolerance Standard Webhooks and Stripe libraries use: five minutes. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private SignatureSchemes() {}

    /**
     * Standard Webhooks 1.0 ({@code v1}, HMAC-SHA256) with the default tolerance.
     *
     * @param secrets the accepted secrets, built with {@link Secret#ofStandardWebhooks}
     * @return the scheme
     * @see #standardWebhooks(List, Duration)
     */
    public static SignatureScheme standardWebhooks(List<Secret> secrets) {
        return standardWebhooks(secrets, DEFAULT_TOLERANCE);
    }

    /**
     * Standard Webhooks 1.0: {@code webhook-id}, {@code webhook-timestamp} and
     * {@code webhook-signature} ({@code v1,<base64>} entries, space-separated) over
     * {@code id.timestamp.body}.
     *
     * <p>The delivery id is {@code webhook-id}; the event type is the body's top-level {@code type}
     * when the body is a JSON object that has one. Asymmetric {@code v1a} signatures are skipped.
     *
     * @param secrets the accepted secrets, built with {@link Secret#ofStandardWebhooks}
     * @param tolerance how far {@code webhook-timestamp} may lie from now, either way
     * @return the scheme
     */
    public static SignatureScheme standardWebhooks(List<Secret> secrets, Duration tolerance) {
        return new StandardWebhooksScheme(OptionChecks.secrets(secrets), OptionChecks.tolerance(tolerance));
    }

    /**
     * GitHub: {@code X-Hub-Signature-256: sha256=<hex>} over the raw body.
     *
     * <p>The delivery id is {@code X-GitHub-Delivery} and the event type {@code X-GitHub-Event}.
     * GitHub signs no timestamp, so replays pass verification: deduplicate by delivery id. The
     * legacy SHA-1 {@code X-Hub-Signature} header is ignored.
     *
     * @param secrets the accepted secrets, built with {@link Secret#ofText}
     * @return the scheme
     */
    public static SignatureScheme github(List<Secret> secrets) {
        HmacOptions options = HmacOptions.builder()
                .header("X-Hub-Signature-256")
                .algorithm(HmacAlgorithm.HMAC_SHA256)
                .encoding(SignatureEncoding.HEX)
                .prefix("sha256=")
                .secrets(secrets)
                .idHeader("X-GitHub-Delivery")
                .typeHeader("X-GitHub-Event")
                .build();
        return new HmacScheme("github", options);
    }

    /**
     * Stripe with the default tolerance of 300 seconds.
     *
     * @param secrets the accepted endpoint secrets, built with {@link Secret#ofText}
     * @return the scheme
     * @see #stripe(List, Duration)
     */
    public static SignatureScheme stripe(List<Secret> secrets) {
        return stripe(secrets, DEFAULT_TOLERANCE);
    }

    /**
     * Stripe: {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>...]} over {@code t.body}.
     *
     * <p>The delivery id and event type are the body's top-level {@code id} and {@code type}, read
     * only once the signature has verified. Other signature versions such as {@code v0} are
     * ignored. Unlike stripe-java, a timestamp too far in the future is rejected as well as a stale
     * one.
     *
     * @param secrets the accepted endpoint secrets ({@code whsec_...}), built with {@link
     *     Secret#ofText}
     * @param tolerance how far {@code t} may lie from now, either way
     * @return the scheme
     */
    public static SignatureScheme stripe(List<Secret> secrets, Duration tolerance) {
        return new StripeScheme(OptionChecks.secrets(secrets), OptionChecks.tolerance(tolerance));
    }

    /**
     * A generic HMAC of the raw body in one header, as Shopify, Hookdeck and many others send.
     *
     * @param options the header, digest, encoding, prefix, secrets and optional id and type headers
     * @return the scheme
     */
    public static SignatureScheme hmac(HmacOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("'hmac' options must be given, but were null");
        }
        return new HmacScheme("hmac", options);
    }

    /**
     * No verification: every request verifies, with no delivery id and no event type.
     *
     * <p>Only for senders on a trusted network; there is no default that falls back to it, so it
     * must be chosen explicitly.
     *
     * @return the scheme
     */
    public static SignatureScheme none() {
        return NoneScheme.INSTANCE;
    }
}
