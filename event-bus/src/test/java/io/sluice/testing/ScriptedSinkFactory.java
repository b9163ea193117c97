package io.sluice.testing;

import io.sluice.config.ComponentConfig;
import io.sluice.event.Event;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Sink;
import io.sluice.pipeline.SinkException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@code type: scripted} sinks for tests of the core: each records what it received and answers
 * as the test scripts it (deliver, fail, or hold until released).
 */
public final class ScriptedSinkFactory implements io.sluice.spi.SinkFactory {

    private static final Map<String, Scripted> SINKS = new ConcurrentHashMap<>();

    /** The sink created under the name. */
    public static Scripted sink(String name) {
        return SINKS.get(name);
    }

    @Override
    public String type() {
        return "scripted";
    }

    @Override
    public Sink create(ComponentConfig config, ComponentContext context) {
        Scripted sink = new Scripted();
        SINKS.put(config.name(), sink);
        return sink;
    }

    /** A sink whose answers the test decides. */
    public static final class Scripted implements Sink {
        private final Queue<Event> received = new ConcurrentLinkedQueue<>();
        private final Queue<Promise<Delivery>> held = new ConcurrentLinkedQueue<>();
        private final AtomicInteger calls = new AtomicInteger();
        private volatile Function<Event, Future<Delivery>> behaviour = e -> Future.succeededFuture(Delivery.done());

        /** Every event sent, in order, retries included. */
        public List<Event> received() {
            return List.copyOf(received);
        }

        public int calls() {
            return calls.get();
        }

        /** Answers every send with this function from now on. */
        public void behave(Function<Event, Future<Delivery>> behaviour) {
            this.behaviour = behaviour;
        }

        /** Fails every send, retryable or not. */
        public void failWith(String message, boolean retryable) {
            behave(e -> Future.failedFuture(
                    retryable
                            ? SinkException.transientFailure(message, null, null)
                            : SinkException.permanent(message, null)));
        }

        /** Holds every send until {@link #releaseAll()}. */
        public void hold() {
            behave(e -> {
                Promise<Delivery> promise = Promise.promise();
                held.add(promise);
                return promise.future();
            });
        }

        /** Delivers every held send, and answers later ones at once. */
        public void releaseAll() {
            behave(e -> Future.succeededFuture(Delivery.done()));
            Promise<Delivery> promise;
            while ((promise = held.poll()) != null) {
                promise.tryComplete(Delivery.done());
            }
        }

        /** Delivers the oldest held send only. */
        public void releaseOldest() {
            Promise<Delivery> promise = held.poll();
            if (promise != null) {
                promise.tryComplete(Delivery.done());
            }
        }

        public int heldCount() {
            return held.size();
        }

        @Override
        public Future<Delivery> send(Event event) {
            received.add(event);
            calls.incrementAndGet();
            return behaviour.apply(event);
        }
    }
}
