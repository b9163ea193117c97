package io.sluice.connector.webhook.verify.impl;

import io.sluice.connector.webhook.verify.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Header lookups that fail the way every scheme fails (missing, repeated or empty), and header octets. */
final class RequestHeaders {

    private RequestHeaders() {}

    /**
     * Returns the one value of a header the signature depends on.
     *
     * <p>A repeated header is refused rather than resolved: which copy the sender signed is
     * unknowable, and picking one would let a proxy or attacker choose.
     */
    static String required(WebhookRequest request, String header) {
        List<String> values = request.headers(header);
        if (values.isEmpty()) {
            throw VerificationFailure.missing(header);
        }
        if (values.size() > 1) {
            throw VerificationFailure.malformed(header, "must appear once, but appeared " + values.size() + " times");
        }
        String value = values.get(0).strip();
        if (value.isEmpty()) {
            throw VerificationFailure.malformed(header, "must not be empty");
        }
        return value;
    }

    /** Returns the first value of an informational header, or {@code null} when absent or blank. */
    static String optional(WebhookRequest request, String header) {
        return request.header(header)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .orElse(null);
    }

    /**
     * Turns header text back into the octets the sender put on the wire: the HTTP layer decodes header
     * bytes one octet per character (ISO-8859-1), so encoding the same way restores them exactly.
     */
    static byte[] octets(String headerValue) {
        return headerValue.getBytes(StandardCharsets.ISO_8859_1);
    }
}
