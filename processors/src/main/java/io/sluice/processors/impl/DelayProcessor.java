package io.sluice.processors.impl;

import io.sluice.event.Event;
import io.sluice.pipeline.Processor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Passes each event on after a fixed wait, on a Vert.x timer; equal waits keep events in arrival
 * order. A waiting event holds route capacity, so a route admits at most {@code max-inflight}
 * events per delay.
 *
 * <p>When the route stops, the timers are cancelled and the waiting events stay unsettled: their
 * messages are not acknowledged and the broker redelivers them, as for any event in flight at
 * shutdown.
 */
final class DelayProcessor implements Processor {

    private final long delayMillis;
    private final Set<Long> timers = new HashSet<>();
    private Vertx vertx;

    DelayProcessor(Duration delay) {
        this.delayMillis = Math.max(1, delay.toMillis());
    }

    @Override
    public Future<Void> start(Vertx vertx) {
        this.vertx = vertx;
        return Future.succeededFuture();
    }

    @Override
    public Future<List<Event>> process(Event event) {
        Promise<List<Event>> released = Promise.promise();
        long timer = vertx.setTimer(delayMillis, id -> {
            timers.remove(id);
            released.complete(List.of(event));
        });
        timers.add(timer);
        return released.future();
    }

    @Override
    public Future<Void> stop() {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
        return Future.succeededFuture();
    }
}
