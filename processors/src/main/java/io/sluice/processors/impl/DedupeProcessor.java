package io.sluice.processors.impl;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.Processor;
import io.sluice.processors.cel.EventExpression;
import io.sluice.processors.cel.EventVariables;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes the first event of each key and drops the others seen within the window; a dropped event
 * settles as delivered, so its source acknowledges it.
 *
 * <p>The window is kept in memory, per route and per replica: two replicas each pass one copy, and
 * a restart forgets every key. A key is remembered when its event passes this processor, not when
 * the event is delivered, so a copy redelivered within the window after its first delivery failed
 * <em>and</em> could not be dead-lettered is dropped too.
 */
final class DedupeProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DedupeProcessor.class);

    private final EventExpression key;
    private final DedupeWindow window;
    private final Counter duplicates;

    DedupeProcessor(EventExpression key, DedupeWindow window, String route, MetricRegistry metrics) {
        this.key = key;
        this.window = window;
        this.duplicates = metrics.counter(MetricNames.name("sluice_dedupe_duplicates_total", "route", route));
        // Read from the metrics thread without locking: a stale count is fine for a gauge.
        metrics.gauge(MetricNames.name("sluice_dedupe_entries", "route", route), () -> window::size);
        metrics.gauge(MetricNames.name("sluice_dedupe_evicted_total", "route", route), () -> window::evicted);
    }

    @Override
    public Future<List<Event>> process(Event event) {
        return Outputs.of(() -> {
            String eventKey = keyOf(event);
            if (window.seenBefore(eventKey)) {
                LOG.trace("Dropped {} as a duplicate of key '{}'", event, eventKey);
                duplicates.inc();
                return List.of();
            }
            return List.of(event);
        });
    }

    private String keyOf(Event event) {
        Object value = key.evaluateJson(EventVariables.of(event));
        // A non-string key (a list of fields, a number) is compared by its JSON text.
        return value instanceof String ? (String) value : Json.encode(value);
    }
}
