package io.sluice.pipeline;

import io.sluice.event.Event;
import java.util.List;

/**
 * A successful send, with any replies the sink produced (a function's response, a model's
 * completion). Replies route onward through routes whose {@code from} names the sink, and the
 * original event settles only once they have.
 */
public final class Delivery {

    private static final Delivery DONE = new Delivery(List.of());

    private final List<Event> replies;

    private Delivery(List<Event> replies) {
        this.replies = List.copyOf(replies);
    }

    /** A delivery with no reply. */
    public static Delivery done() {
        return DONE;
    }

    /** A delivery whose replies route onward. */
    public static Delivery withReplies(List<Event> replies) {
        return replies.isEmpty() ? DONE : new Delivery(replies);
    }

    /** A delivery with one reply. */
    public static Delivery withReply(Event reply) {
        return new Delivery(List.of(reply));
    }

    public List<Event> replies() {
        return replies;
    }
}
