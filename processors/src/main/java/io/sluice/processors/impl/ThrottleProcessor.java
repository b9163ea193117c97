package io.sluice.processors.impl;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.sluice.event.Event;
import io.sluice.pipeline.Processor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Lets events through at the configured rate, in arrival order. Each event reserves the next free
 * permit of a Resilience4j rate limiter, which answers how long until that permit without
 * blocking; the event then waits in a queue released by one Vert.x timer at a time. A queue rather
 * than a timer per event keeps the order: two events given the same permit cycle get waits that
 * differ by the time between their calls, and rounded timers could release them swapped.
 *
 * <p>Waiting events hold route capacity, so a route slower than its sources fills and its sources
 * stop. When the route stops, waiting events stay unsettled: their messages are not acknowledged
 * and the broker redelivers them, as for any event in flight at shutdown.
 */
final class ThrottleProcessor implements Processor {

    private record Waiting(Event event, long releaseAtNanos, Promise<List<Event>> released) {}

    private final RateLimiter limiter;
    private final Deque<Waiting> queue = new ArrayDeque<>();
    private Vertx vertx;
    private long timer = -1;

    ThrottleProcessor(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Future<Void> start(Vertx vertx) {
        this.vertx = vertx;
        return Future.succeededFuture();
    }

    @Override
    public Future<List<Event>> process(Event event) {
        long waitNanos = limiter.reservePermission();
        if (waitNanos < 0) {
            return Future.failedFuture(new IllegalStateException(
                    "throttle '" + limiter.getName() + "' has no permit free within a year; is the rate too low?"));
        }
        if (waitNanos == 0 && queue.isEmpty()) {
            return Future.succeededFuture(List.of(event));
        }
        Waiting waiting = new Waiting(event, System.nanoTime() + waitNanos, Promise.promise());
        queue.add(waiting);
        if (queue.size() == 1) {
            scheduleHead();
        }
        return waiting.released().future();
    }

    private void scheduleHead() {
        long nanos = queue.peek().releaseAtNanos() - System.nanoTime();
        long millis = Math.max(1, (nanos + 999_999) / 1_000_000);
        timer = vertx.setTimer(millis, id -> releaseDue());
    }

    private void releaseDue() {
        long now = System.nanoTime();
        while (!queue.isEmpty() && queue.peek().releaseAtNanos() <= now) {
            Waiting due = queue.poll();
            due.released().complete(List.of(due.event()));
        }
        if (!queue.isEmpty()) {
            scheduleHead();
        }
    }

    @Override
    public Future<Void> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }
}
