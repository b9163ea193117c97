package io.sluice.connector.webhook.verify.impl;

import io.sluice.connector.webhook.verify.HmacOptions;
import io.sluice.connector.webhook.verify.SignatureEncoding;
import io.sluice.connector.webhook.verify.Verification;
import io.sluice.connector.webhook.verify.WebhookRequest;
import java.time.Instant;
import java.util.List;

/**
 * One header carrying an HMAC of the raw body, optionally behind a prefix such as {@code sha256=}.
 * GitHub is this scheme with fixed options.
 *
 * <p>The id and type headers are not covered by the signature; they are reported as the sender put
 * them, for deduplication and routing, never as proof of anything.
 */
public final class HmacScheme extends AbstractScheme {

    private final HmacOptions options;
    private final Hmac hmac;

    /**
     * Creates the scheme.
     *
     * @param name the configuration name reported by {@link #name()}, such as {@code github}
     * @param options validated options
     */
    public HmacScheme(String name, HmacOptions options) {
        super(name);
        this.options = options;
        this.hmac = new Hmac(options.algorithm(), options.secrets());
    }

    @Override
    Verification check(WebhookRequest request, Instant now) {
        byte[] signature = signature(request);
        byte[] body = request.body();

        if (!hmac.matchesAny(List.of(signature), body)) {
            throw VerificationFailure.badSignature(options.header());
        }
        String id = options.idHeader()
                .map(name -> RequestHeaders.optional(request, name))
                .orElse(null);
        String type = options.typeHeader()
                .map(name -> RequestHeaders.optional(request, name))
                .orElse(null);
        return Verification.verified(id, type);
    }

    private byte[] signature(WebhookRequest request) {
        String header = options.header();
        String value = RequestHeaders.required(request, header);
        if (!value.startsWith(options.prefix())) {
            throw VerificationFailure.malformed(header, "must start with '" + options.prefix() + "'");
        }
        String encoded = value.substring(options.prefix().length());
        boolean hex = options.encoding() == SignatureEncoding.HEX;
        byte[] signature = hex ? Encodings.hexOrNull(encoded) : Encodings.base64OrNull(encoded);
        if (signature == null) {
            throw VerificationFailure.malformed(header, "must carry a " + (hex ? "hex" : "base64") + " signature");
        }
        return signature;
    }
}
