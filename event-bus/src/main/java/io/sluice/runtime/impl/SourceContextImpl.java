package io.sluice.runtime.impl;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.sluice.deadletter.DeadLetter;
import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Outcome;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/** The core's side of one source: dispatch with settlement, capacity, health. */
final class SourceContextImpl implements SourceContext {

    private final String name;
    private final Dispatcher dispatcher;
    private final DeadLetters deadLetters;
    private final ComponentContext components;
    private final ArrayDeque<Promise<Void>> waiters = new ArrayDeque<>();
    private final Counter received;
    private final Counter delivered;
    private final Counter deadLettered;
    private final Counter unrouted;
    private final Counter unsettled;
    private volatile boolean connected;
    private List<RouteVerticle> routes = List.of();

    SourceContextImpl(String name, Dispatcher dispatcher, DeadLetters deadLetters, ComponentContext components) {
        this.name = name;
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.components = components;
        MetricRegistry metrics = components.metrics();
        this.received = metrics.counter(MetricNames.name("sluice_source_events_total", "source", name));
        this.delivered = settled(metrics, "delivered");
        this.deadLettered = settled(metrics, "dead_lettered");
        this.unrouted = settled(metrics, "unrouted");
        this.unsettled = settled(metrics, "redeliver");
        metrics.gauge(MetricNames.name("sluice_source_connected", "source", name), () -> () -> connected ? 1 : 0);
    }

    private Counter settled(MetricRegistry metrics, String outcome) {
        return metrics.counter(MetricNames.name("sluice_source_settled_total", "source", name, "outcome", outcome));
    }

    /** Binds the routes this source feeds, once they are deployed. */
    void bind() {
        routes = dispatcher.routesFedBy(name);
    }

    @Override
    public String sourceName() {
        return name;
    }

    @Override
    public Future<Outcome> dispatch(Event event) {
        received.inc();
        Promise<Outcome> promise = Promise.promise();
        Settlement settlement = Settlement.root(done -> complete(done, promise));
        dispatcher.dispatch(name, event, name, settlement);
        settlement.seal();
        return promise.future();
    }

    private void complete(Settlement done, Promise<Outcome> promise) {
        if (done.failure() != null) {
            unsettled.inc();
            promise.fail(done.failure());
            return;
        }
        Outcome outcome = done.outcome();
        switch (outcome) {
            case DEAD_LETTERED:
                deadLettered.inc();
                break;
            case UNROUTED:
                unrouted.inc();
                break;
            default:
                delivered.inc();
        }
        promise.complete(outcome);
    }

    @Override
    public int capacity() {
        int capacity = Integer.MAX_VALUE;
        for (RouteVerticle route : routes) {
            capacity = Math.min(capacity, route.capacity());
        }
        return capacity;
    }

    @Override
    public Future<Void> whenCapacity() {
        if (capacity() > 0) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        synchronized (waiters) {
            waiters.add(promise);
        }
        // A slot may have freed between the check and the registration.
        capacityFreed();
        return promise.future();
    }

    /** Wakes waiters when a route this source feeds freed a slot. */
    void capacityFreed() {
        if (capacity() <= 0) {
            return;
        }
        Promise<Void> waiter;
        synchronized (waiters) {
            waiter = waiters.poll();
        }
        while (waiter != null) {
            waiter.tryComplete();
            synchronized (waiters) {
                waiter = waiters.poll();
            }
        }
    }

    @Override
    public Future<Void> deadLetter(Event raw, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        DeadLetter letter =
                new DeadLetter(raw, name, null, null, reason, cause.getClass().getName(), 0, Instant.now());
        received.inc();
        return deadLetters.store().put(letter).onSuccess(v -> {
            deadLettered.inc();
            components
                    .metrics()
                    .counter(MetricNames.name("sluice_dead_letters_total", "source", name, "route", "", "sink", ""))
                    .inc();
        });
    }

    @Override
    public void connected(boolean connected) {
        this.connected = connected;
    }

    boolean isConnected() {
        return connected;
    }

    @Override
    public ComponentContext components() {
        return components;
    }
}
