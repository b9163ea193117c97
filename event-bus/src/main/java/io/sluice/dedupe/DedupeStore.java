package io.sluice.dedupe;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The keys a {@code dedupe} processor has seen within its window. For each event the processor asks
 * whether its key is new, and the store records the key in the same step, so that of several events
 * with one key exactly one is told it came first, however many replicas ask.
 *
 * <h2>Threading</h2>
 *
 * Each route has its own instance and calls it from the route's event loop only; futures complete
 * on that context. {@link #firstSeen} must not block: a store that talks to a peer runs the call
 * off the event loop. Several calls may be outstanding at once, for the same key too.
 *
 * <h2>Failure</h2>
 *
 * A store that cannot tell fails the future, and never answers {@code false} for a key it could not
 * check: the processor then fails the event, which the core dead-letters with the failure as its
 * cause, or leaves unacknowledged for redelivery when the dead-letter store cannot take it either.
 *
 * <p>{@code toString()} describes the store and its settings for the route's start-up log line.
 */
public interface DedupeStore {

    /** Called once when the route starts: connect, create what is missing. */
    default Future<Void> start(Vertx vertx) {
        return Future.succeededFuture();
    }

    /**
     * Records the key unless the store already holds it.
     *
     * @param key the event's dedupe key, any text; the store encodes it as it needs
     * @param eventId the id of the event asking, kept beside the key where the store can
     * @return {@code true} when this call recorded the key (the event passes), {@code false} when the
     *     key was recorded within the window (the event is a duplicate)
     */
    Future<Boolean> firstSeen(String key, String eventId);

    /**
     * Forgets the key {@link #firstSeen} recorded for this event, because the event could not
     * settle and its source will deliver it again: the redelivery must pass, not be dropped as a
     * duplicate of itself. Best effort: a failed future is logged, and the redelivery is then
     * dropped as before. A store that keeps event ids only forgets a key still held for this one.
     */
    default Future<Void> forget(String key, String eventId) {
        return Future.succeededFuture();
    }

    /** Called once when the route stops. */
    default Future<Void> stop() {
        return Future.succeededFuture();
    }
}
