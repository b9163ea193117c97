package io.sluice.connector.openfaas.wire;

import java.util.Optional;

/**
 * A queued message that is not a usable {@link QueueRequest}: not JSON, a field of the wrong type,
 * a body that is not base64, no function name, or a request that cannot form a function URL.
 *
 * <p>Unchecked so that decoding can run inside a Vert.x {@code Future.map} step, where a thrown
 * exception becomes the failed future. Such a message can never succeed, so the queue source
 * should acknowledge it and send it to the dead-letter store with this message rather than
 * redeliver it (the CE queue-worker logs and drops it, nats-queue-worker#90).
 *
 * <p>The message names the field and, when the input was parsed, the line and column. It never
 * contains header values or the body.
 */
public final class QueueRequestException extends RuntimeException {

    private final String field;

    /**
     * @param message what was wrong and where
     * @param field the JSON field at fault, as written in the message (e.g. {@code Body} or {@code
     *     Header["X-Call-Id"]}); {@code null} when the document as a whole is at fault
     * @param cause the underlying parser or decoder failure, or {@code null}
     */
    public QueueRequestException(String message, String field, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /**
     * The JSON field at fault, e.g. {@code Body}, {@code CallbackUrl.Host} or {@code
     * Header["X-Callback-Url"]}; empty when the document as a whole is not a QueueRequest.
     *
     * @return the field path
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
