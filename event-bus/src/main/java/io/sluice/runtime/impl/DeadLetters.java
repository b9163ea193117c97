package io.sluice.runtime.impl;

import com.codahale.metrics.MetricRegistry;
import io.sluice.deadletter.DeadLetter;
import io.sluice.deadletter.DeadLetterStore;
import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes dead letters for the core and settles the output with the result. */
final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterStore store;
    private final MetricRegistry metrics;

    DeadLetters(DeadLetterStore store, MetricRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    DeadLetterStore store() {
        return store;
    }

    /**
     * Writes the letter as one output of the settlement: dead-lettered when the store took it,
     * failed (the source redelivers) when it did not.
     */
    void write(
            Settlement settlement,
            Event event,
            String origin,
            String route,
            String sink,
            Throwable cause,
            int attempts) {
        settlement.fork();
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        DeadLetter letter = new DeadLetter(
                event, origin, route, sink, reason, cause.getClass().getName(), attempts, Instant.now());
        store.put(letter).onComplete(done -> {
            if (done.succeeded()) {
                metrics.counter(MetricNames.name(
                                "sluice_dead_letters_total",
                                "source",
                                origin,
                                "route",
                                nullToEmpty(route),
                                "sink",
                                nullToEmpty(sink)))
                        .inc();
                LOG.warn(
                        "Dead-lettered event '{}' from source '{}' at route '{}' sink '{}' after {} attempt(s): {}",
                        event.id(),
                        origin,
                        route,
                        sink,
                        attempts,
                        reason);
                settlement.deadLettered();
            } else {
                LOG.error(
                        "Could not dead-letter event '{}' from source '{}' (cause was: {}); it stays"
                                + " unacknowledged and will be redelivered",
                        event.id(),
                        origin,
                        reason,
                        done.cause());
                settlement.failed(done.cause());
            }
        });
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
