package io.sluice.connector.openfaas.wire;

/**
 * Where a request's callback goes: the Go {@code url.URL} carried on the wire, and the URL string
 * Sluice actually posts to.
 *
 * <p>The two differ when the client's {@code X-Callback-Url} held credentials: Go keeps only an
 * empty {@code User} object, so the original header string is the only copy that still has them.
 *
 * @param wire the {@code CallbackUrl} object to encode
 * @param target the URL to post the callback to
 */
record CallbackTarget(GoUrl wire, String target) {

    /**
     * Resolves the callback target the way {@link QueueRequest#callbackUrl()} documents.
     *
     * @param wire the decoded {@code CallbackUrl}, or {@code null} when absent
     * @param header the first {@code X-Callback-Url} value, or {@code null} when absent or empty
     * @return the target, or {@code null} when the request has no callback
     * @throws IllegalArgumentException when only the header is present and Go could not parse it
     */
    static CallbackTarget resolve(GoUrl wire, String header) {
        if (wire == null) {
            // Only non-gateway producers omit the object while sending the header; the gateway
            // would have answered 400 for a header it could not parse, so this rejects it too.
            return header == null ? null : new CallbackTarget(GoUrl.parse(header), header);
        }
        String rebuilt = wire.toString();
        if (header != null && sameTarget(header, rebuilt)) {
            return new CallbackTarget(wire, header);
        }
        // The queue-worker only ever reads the object, so when the header disagrees the object wins.
        return new CallbackTarget(wire, rebuilt);
    }

    private static boolean sameTarget(String header, String rebuilt) {
        try {
            return GoUrl.parse(header).withoutUser().toString().equals(rebuilt);
        } catch (IllegalArgumentException ignored) {
            // An unparsable header cannot be the same URL; the object decides.
            return false;
        }
    }
}
