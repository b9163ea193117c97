package io.sluice.pipeline;

import io.sluice.event.Event;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * A step of a route: filter, transform, template, enrich, dedupe, batch.
 *
 * <h2>Threading</h2>
 *
 * Each route has its own processor instances and calls them only from the route's event loop, one
 * event at a time per instance's state, so a processor may keep state (a dedupe window, a batch)
 * without locking. {@link #process} must not block.
 *
 * <h2>Back-pressure</h2>
 *
 * The route counts an event in flight until the processor's future completes and every output
 * settles; a processor that holds events (a batch, a delay) therefore holds route capacity and
 * slows the sources feeding the route, which is what keeps memory bounded.
 *
 * <h2>Failure</h2>
 *
 * A failed future dead-letters the input event with the failure as its cause; the route goes on
 * with the next event.
 */
public interface Processor {

    /** Called once when the route starts. */
    default Future<Void> start(Vertx vertx) {
        return Future.succeededFuture();
    }

    /**
     * Processes one event: an empty list filters it out (it settles as delivered), several outputs
     * fan out, each to every sink of the route.
     */
    Future<List<Event>> process(Event event);

    /**
     * Called on the route's event loop once the route's event that {@code event} came from has
     * settled: every output delivered or dead-lettered ({@code failure} is {@code null}), or one
     * that could be neither ({@code failure} says why; the source will deliver the event again).
     * {@code event} is the instance this processor was given. A processor that holds inputs back
     * until the outputs of another are safe (a batch) listens here; the others ignore it.
     */
    default void settled(Event event, Throwable failure) {}

    /** Called once when the route stops. */
    default Future<Void> stop() {
        return Future.succeededFuture();
    }
}
