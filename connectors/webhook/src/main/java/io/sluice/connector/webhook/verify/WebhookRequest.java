package io.sluice.connector.webhook.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An inbound webhook as it reached the receiver: the raw body bytes exactly as received and the
 * request headers.
 *
 * <p>Header names are case-insensitive and a header may carry several values. Header values are
 * expected as the HTTP layer hands them over, one character per octet (ISO-8859-1), which is what
 * Vert.x and Netty do. The body must never be re-serialised before verification: whitespace, key
 * order and escapes are all part of what the sender signed.
 *
 * <p>Instances are immutable.
 */
public final class WebhookRequest {

    private static final String CONTENT_TYPE = "Content-Type";

    private final byte[] body;
    private final Map<String, List<String>> headers;

    private WebhookRequest(Builder builder) {
        this.body = builder.body.clone();
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        builder.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
    }

    /**
     * Starts a request with an empty body and no headers.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a copy of the body bytes exactly as received.
     *
     * @return the body; the caller owns the copy
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * Returns every value of a header, in the order received.
     *
     * @param name the header name, in any case
     * @return the values; empty when the header is absent
     */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, in any case
     * @return the first value, or empty when the header is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns the content type the sender declared.
     *
     * @return the first {@code Content-Type} value, or empty when the header is absent
     */
    public Optional<String> contentType() {
        return header(CONTENT_TYPE);
    }

    /** Returns the header names and the body size; never the body, which may be sensitive. */
    @Override
    public String toString() {
        return "WebhookRequest[headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }

    /** Collects the parts of a {@link WebhookRequest}. Not thread-safe. */
    public static final class Builder {
        private byte[] body = new byte[0];
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {}

        /**
         * Sets the raw body.
         *
         * @param body the bytes exactly as received; copied
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body").clone();
            return this;
        }

        /**
         * Adds one value of a header; adding the same name again adds another value.
         *
         * @param name the header name, in any case
         * @param value the header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            headers.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
            return this;
        }

        /**
         * Adds every header entry, such as those of a Vert.x {@code MultiMap}.
         *
         * @param entries name and value pairs; a repeated name adds another value
         * @return this builder
         */
        public Builder headers(Iterable<? extends Map.Entry<String, String>> entries) {
            entries.forEach(entry -> header(entry.getKey(), entry.getValue()));
            return this;
        }

        /**
         * Sets the {@code Content-Type} header, replacing any value it had.
         *
         * @param contentType the media type the sender declared
         * @return this builder
         */
        public Builder contentType(String contentType) {
            headers.remove(CONTENT_TYPE);
            return header(CONTENT_TYPE, contentType);
        }

        /**
         * Builds the request.
         *
         * @return an immutable request
         */
        public WebhookRequest build() {
            return new WebhookRequest(this);
        }
    }
}
