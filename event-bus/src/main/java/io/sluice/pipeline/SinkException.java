package io.sluice.pipeline;

import io.sluice.event.Event;
import java.time.Duration;
import java.util.List;

/**
 * A failed send, saying whether a retry may help and, when the peer said so, how long to wait. Its
 * message is what the dead-letter store records as the cause, so it should name the sink's peer and
 * what it answered (e.g. {@code function 'resize' answered 503}).
 */
public class SinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final transient Duration retryAfter;
    private final int attempts;
    private transient List<Event> replies = List.of();

    protected SinkException(String message, Throwable cause, boolean retryable, Duration retryAfter, int attempts) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    /** A failure that may pass on a later attempt (timeouts, 5xx, 429, connection refused). */
    public static SinkException transientFailure(String message, Duration retryAfter, Throwable cause) {
        return new SinkException(message, cause, true, retryAfter, 0);
    }

    /** A failure no retry will fix (4xx, a rejected address); dead-lettered at once. */
    public static SinkException permanent(String message, Throwable cause) {
        return new SinkException(message, cause, false, null, 0);
    }

    /** A final failure from a sink that retries by itself, after this many attempts. */
    public static SinkException exhausted(String message, int attempts, Throwable cause) {
        return new SinkException(message, cause, false, null, attempts);
    }

    /**
     * Attaches replies that route onward even though the send failed: the queue-worker, for one,
     * still posts the last response to the callback URL when an invocation finally fails.
     */
    public SinkException withReplies(List<Event> replies) {
        this.replies = List.copyOf(replies);
        return this;
    }

    /** Replies to route onward despite the failure; empty by default. */
    public List<Event> replies() {
        return replies;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The wait the peer asked for ({@code Retry-After}), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Attempts made by a sink that owns its retries; 0 when the core counted them. */
    public int attempts() {
        return attempts;
    }
}
