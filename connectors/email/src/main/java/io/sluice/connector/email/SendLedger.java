package io.sluice.connector.email;

import io.vertx.core.Future;

/**
 * The dedupe record of sent messages, shared by every replica: an event's key is claimed before its
 * message goes out ("sending") and marked once the server accepted it ("sent"), so a retry or a
 * redelivery of a sent event is answered without sending again.
 *
 * <p>One window stays open: when the connection drops after the server accepted the message but
 * before its reply arrived, the attempt counts as failed and the next one sends again, with the
 * same {@code Message-ID}.
 *
 * <p>Methods may be called from any Vert.x context; futures complete on the caller's context.
 */
public interface SendLedger {

    /**
     * Claims the key for one send attempt.
     *
     * @return {@code true} when the caller may send, {@code false} when the message was already sent;
     *     fails with a transient {@link io.sluice.pipeline.SinkException} when another attempt holds a
     *     fresh claim (its {@code retryAfter} says when that claim lapses) or the record is unreachable
     */
    Future<Boolean> claim(String key);

    /** Records that the server accepted the message. */
    Future<Void> markSent(String key);

    /** Gives the claim back after an attempt that failed, so the next attempt may send at once. */
    Future<Void> release(String key);
}
