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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes the first event of each key and drops the others seen within the window; a dropped event
 * settles as delivered, so its source acknowledges it. The store decides what "first" means: per
 * replica in memory, or across replicas in a shared store. A store that cannot tell fails the
 * event, which the core then dead-letters; an event is never passed or dropped unchecked.
 *
 * <p>A key is remembered when its event passes this processor, not when the event is delivered, so
 * a copy redelivered within the window after its first delivery failed <em>and</em> could not be
 * dead-lettered is dropped too.
 */
final class DedupeProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DedupeProcessor.class);

    private final EventExpression key;
    private final DedupeStore store;
    private final Counter duplicates;

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
        return store.firstSeen(eventKey, event.id()).map(first -> first ? List.of(event) : dropped(event, eventKey));
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
