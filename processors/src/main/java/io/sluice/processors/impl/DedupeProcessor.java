package io.sluice.processors.impl;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.sluice.dedupe.DedupeStore;
import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.Processor;
import io.sluice.processors.cel.EventExpression;
import io.sluice.processors.cel.EventVariables;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes the first event of each key and drops the others seen within the window; a dropped event
 * settles as delivered, so its source acknowledges it. The store decides what "first" means: per
 * replica in memory, or across replicas in a shared store. A store that cannot tell fails the
 * event, which the core then dead-letters; an event is never passed or dropped unchecked.
 *
 * <p>A key is remembered when its event passes this processor. If that event then can be neither
 * delivered nor dead-lettered (its source will deliver it again), the key is forgotten once the
 * core says so ({@link #settled}), so the redelivery passes instead of being dropped as a duplicate
 * of itself.
 */
final class DedupeProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DedupeProcessor.class);

    private final EventExpression key;
    private final DedupeStore store;
    private final Counter duplicates;
    /** Events passed and not yet settled, with their keys: forgotten again if they fail to settle. */
    private final Map<Event, String> passed = new IdentityHashMap<>();

    DedupeProcessor(EventExpression key, DedupeStore store, String route, MetricRegistry metrics) {
        this.key = key;
        this.store = store;
        this.duplicates = metrics.counter(MetricNames.name("sluice_dedupe_duplicates_total", "route", route));
    }

    @Override
    public Future<Void> start(Vertx vertx) {
        return store.start(vertx);
    }

    @Override
    public Future<List<Event>> process(Event event) {
        String eventKey;
        try {
            eventKey = keyOf(event);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return store.firstSeen(eventKey, event.id()).map(first -> {
            if (!first) {
                return dropped(event, eventKey);
            }
            passed.put(event, eventKey);
            return List.of(event);
        });
    }

    @Override
    public void settled(Event event, Throwable failure) {
        String eventKey = passed.remove(event);
        if (eventKey == null || failure == null) {
            return;
        }
        store.forget(eventKey, event.id())
                .onFailure(e -> LOG.warn(
                        "Could not forget the dedupe key of event '{}', which did not settle; its redelivery"
                                + " will be dropped as a duplicate: {}",
                        event.id(),
                        e.toString()));
    }

    @Override
    public Future<Void> stop() {
        return store.stop();
    }

    private List<Event> dropped(Event event, String eventKey) {
        LOG.trace("Dropped {} as a duplicate of key '{}'", event, eventKey);
        duplicates.inc();
        return List.of();
    }

    private String keyOf(Event event) {
        Object value = key.evaluateJson(EventVariables.of(event));
        // A non-string key (a list of fields, a number) is compared by its JSON text.
        return value instanceof String ? (String) value : Json.encode(value);
    }
}
