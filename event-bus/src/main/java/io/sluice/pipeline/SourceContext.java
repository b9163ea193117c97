package io.sluice.pipeline;

import io.sluice.event.Event;
import io.vertx.core.Future;

/**
 * What the core offers a source: a way to hand in events, to learn how many more it may hand in,
 * and to report whether it is connected.
 *
 * <h2>Settlement</h2>
 *
 * {@link #dispatch} returns a future that completes once every output of the event has settled:
 * delivered, or written to the dead-letter store with its cause. Only then may the source
 * acknowledge its message (JetStream ack, slot advance, Kafka commit, HTTP 2xx). The future fails
 * when an output could neither be delivered nor dead-lettered (the store is down, or Sluice is
 * stopping); the source must then leave its message unacknowledged so that it comes back.
 *
 * <h2>Back-pressure</h2>
 *
 * Every route holds a bounded number of unsettled events. A source asks {@link #capacity()} before
 * taking messages from its broker and waits on {@link #whenCapacity()} when it is zero, so a
 * saturated sink fills its routes and stops every source feeding them. A source that hands in
 * events beyond its capacity is not refused, but it defeats the bound; HTTP sources answer 503 with
 * {@code Retry-After} instead.
 *
 * <h2>Threading</h2>
 *
 * Every method may be called from any thread. Futures complete on a Vert.x context, not necessarily
 * the source's: hop back with {@code context.runOnContext} where that matters.
 */
public interface SourceContext {

    /** The source's configured name. */
    String sourceName();

    /** Hands an event to the routes fed by this source; completes when it has settled. */
    Future<Outcome> dispatch(Event event);

    /** How many more events the routes fed by this source take right now (0 when saturated). */
    int capacity();

    /** Completes once {@link #capacity()} is above zero; at once if it already is. */
    Future<Void> whenCapacity();

    /**
     * Writes input that could not become an event (not JSON, bad encoding, missing field) to the
     * dead-letter store with its cause, so that it is kept and the source can move on. The source
     * acknowledges its message when the returned future succeeds.
     */
    Future<Void> deadLetter(Event raw, Throwable cause);

    /**
     * Reports whether the source is connected to its broker; readiness requires every source
     * connected.
     */
    void connected(boolean connected);

    /** Shared services: Vert.x, metrics, HTTP routers. */
    ComponentContext components();
}
