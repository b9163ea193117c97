package io.sluice.runtime.impl;

import com.codahale.metrics.MetricRegistry;
import io.sluice.config.RouteConfig;
import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.Condition;
import io.sluice.pipeline.Processor;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One route, deployed as a verticle: runs its processors on its own event loop, fans every output
 * out to its sinks, and counts the events it holds until they settle.
 */
final class RouteVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(RouteVerticle.class);

    private final RouteConfig config;
    private final Condition condition;
    private final List<Processor> processors;
    private final List<SinkVerticle> sinks;
    private final DeadLetters deadLetters;
    private final Runnable onCapacityFreed;
    private final AtomicInteger inflight = new AtomicInteger();
    private final Function<Event, String> orderingKey;
    private final Map<String, ArrayDeque<Runnable>> waitingByKey = new HashMap<>();

    RouteVerticle(
            RouteConfig config,
            Condition condition,
            List<Processor> processors,
            List<SinkVerticle> sinks,
            DeadLetters deadLetters,
            MetricRegistry metrics,
            Runnable onCapacityFreed) {
        this.config = config;
        this.condition = condition;
        this.processors = processors;
        this.sinks = sinks;
        this.deadLetters = deadLetters;
        this.onCapacityFreed = onCapacityFreed;
        this.orderingKey = config.orderingKey() == null ? null : OrderingKey.parse(config.orderingKey());
        metrics.gauge(MetricNames.name("sluice_route_inflight", "route", config.name()), () -> inflight::get);
        metrics.gauge(MetricNames.name("sluice_route_capacity", "route", config.name()), () -> config::maxInflight);
    }

    @Override
    public Future<?> start() {
        List<Future<Void>> started = new ArrayList<>();
        processors.forEach(p -> started.add(p.start(vertx)));
        return Future.all(started);
    }

    @Override
    public Future<?> stop() {
        List<Future<Void>> stopped = new ArrayList<>();
        processors.forEach(p -> stopped.add(p.stop()));
        return Future.join(stopped);
    }

    String name() {
        return config.name();
    }

    Condition condition() {
        return condition;
    }

    boolean continueMatching() {
        return config.continueMatching();
    }

    /** Free slots; never negative, though a burst of sources may briefly overshoot the bound. */
    int capacity() {
        return Math.max(0, config.maxInflight() - inflight.get());
    }

    int maxInflight() {
        return config.maxInflight();
    }

    /** Events taken and not yet settled. */
    int inflight() {
        return inflight.get();
    }

    /**
     * Takes the event as one output of the parent settlement and runs it on the route's event loop.
     * With an ordering key, an event waits until the previous event of its key settled, while
     * events of other keys run in parallel.
     */
    void accept(Event event, String origin, Settlement parent) {
        inflight.incrementAndGet();
        String key = orderingKey == null ? null : orderingKey.apply(event);
        List<Call> calls = processors.isEmpty() ? List.of() : new ArrayList<>(processors.size());
        Settlement settlement = parent.child(settled -> {
            release();
            if (key != null || !calls.isEmpty()) {
                context.runOnContext(v -> {
                    tellProcessors(calls, settled.failure());
                    if (key != null) {
                        next(key);
                    }
                });
            }
        });
        context.runOnContext(v -> {
            if (key == null) {
                process(event, origin, settlement, calls);
            } else if (waitingByKey.containsKey(key)) {
                waitingByKey.get(key).add(() -> process(event, origin, settlement, calls));
            } else {
                waitingByKey.put(key, new ArrayDeque<>());
                process(event, origin, settlement, calls);
            }
        });
    }

    /** A processor and the event it was given, told when the route's event settled. */
    private record Call(Processor processor, Event event) {}

    private static void tellProcessors(List<Call> calls, Throwable failure) {
        for (Call call : calls) {
            try {
                call.processor().settled(call.event(), failure);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Processor {} failed when told event '{}' settled",
                        call.processor(),
                        call.event().id(),
                        e);
            }
        }
    }

    /** Starts the next event of the key, or forgets the key when none waits. */
    private void next(String key) {
        ArrayDeque<Runnable> waiting = waitingByKey.get(key);
        Runnable nextEvent = waiting == null ? null : waiting.poll();
        if (nextEvent == null) {
            waitingByKey.remove(key);
        } else {
            nextEvent.run();
        }
    }

    private void release() {
        inflight.decrementAndGet();
        onCapacityFreed.run();
    }

    private void process(Event event, String origin, Settlement settlement, List<Call> calls) {
        runProcessors(List.of(event), 0, calls).onComplete(done -> {
            if (done.succeeded()) {
                for (Event output : done.result()) {
                    for (SinkVerticle sink : sinks) {
                        sink.submit(output, origin, config.name(), settlement);
                    }
                }
            } else {
                deadLetters.write(settlement, event, origin, config.name(), null, done.cause(), 1);
            }
            settlement.seal();
        });
    }

    private Future<List<Event>> runProcessors(List<Event> events, int index, List<Call> calls) {
        if (index == processors.size() || events.isEmpty()) {
            return Future.succeededFuture(events);
        }
        Processor processor = processors.get(index);
        List<Future<List<Event>>> outputs = new ArrayList<>(events.size());
        for (Event event : events) {
            calls.add(new Call(processor, event));
            outputs.add(invoke(processor, event));
        }
        return Future.all(outputs).compose(all -> {
            List<Event> next = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                List<Event> out = all.resultAt(i);
                next.addAll(out);
            }
            return runProcessors(next, index + 1, calls);
        });
    }

    private static Future<List<Event>> invoke(Processor processor, Event event) {
        try {
            Future<List<Event>> result = processor.process(event);
            return result == null ? Future.failedFuture("processor returned no future") : result;
        } catch (RuntimeException e) {
            // A processor that throws instead of failing its future must not take the route down.
            return Future.failedFuture(e);
        }
    }
}
