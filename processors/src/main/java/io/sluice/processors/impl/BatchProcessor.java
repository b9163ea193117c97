package io.sluice.processors.impl;

import io.sluice.event.Event;
import io.sluice.pipeline.Processor;
import io.sluice.processors.cel.impl.JsonData;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers up to {@code max-count} events, or what arrived within {@code max-wait} of the first, into
 * one event whose data is a JSON array of their data (JSON data as JSON, other data as a string).
 * The batch event takes the first event's source, type and subject, a new id, and no headers.
 *
 * <h2>Settlement</h2>
 *
 * The Processor contract gives each input its own future. Every input's future stays open until
 * the batch is emitted, so a gathering batch holds its inputs unacknowledged (and holds route
 * capacity). At emission the input that completes the batch (or the last one, on {@code max-wait})
 * carries the batch event to the sinks; the others stay open until the carrier has settled ({@link
 * #settled}), so no input is acknowledged before the batch holding its data is delivered or
 * dead-lettered whole. They then complete with no output of their own. If the carrier could not
 * settle (the sink failed and the dead-letter store too), the others fail with that cause, so the
 * route dead-letters each of them, or leaves it for redelivery when the store is still down.
 *
 * <h2>Stopping</h2>
 *
 * A batch still gathering when the route stops is not emitted: its inputs stay unsettled and their
 * messages unacknowledged, so the broker redelivers them, as for any event in flight at shutdown.
 * Keep {@code max-wait} below {@code shutdown-grace} and batches drain on a normal stop.
 */
final class BatchProcessor implements Processor {

    private record Held(Event event, Promise<List<Event>> outputs) {}

    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

    private final String route;
    private final int maxCount;
    private final Duration maxWait;
    private final List<Held> gathering = new ArrayList<>();
    /** Emitted batches not yet settled: each carrier with the other inputs waiting on it. */
    private final Map<Event, List<Held>> awaitingCarrier = new IdentityHashMap<>();

    private Vertx vertx;
    private long timer = -1;

    BatchProcessor(String route, int maxCount, Duration maxWait) {
        this.route = route;
        this.maxCount = maxCount;
        this.maxWait = maxWait;
    }

    @Override
    public Future<Void> start(Vertx vertx) {
        this.vertx = vertx;
        return Future.succeededFuture();
    }

    @Override
    public Future<List<Event>> process(Event event) {
        Promise<List<Event>> outputs = Promise.promise();
        gathering.add(new Held(event, outputs));
        if (gathering.size() == 1) {
            timer = vertx.setTimer(Math.max(1, maxWait.toMillis()), id -> emit("max-wait"));
        }
        if (gathering.size() >= maxCount) {
            emit("max-count");
        }
        return outputs.future();
    }

    private void emit(String reason) {
        vertx.cancelTimer(timer);
        if (gathering.isEmpty()) {
            return;
        }
        LOG.debug("Route '{}' emits a batch of {} event(s) on {}", route, gathering.size(), reason);
        List<Held> batch = List.copyOf(gathering);
        gathering.clear();
        Event combined = combine(batch);
        Held carrier = batch.get(batch.size() - 1);
        if (batch.size() > 1) {
            awaitingCarrier.put(carrier.event(), batch.subList(0, batch.size() - 1));
        }
        carrier.outputs().complete(List.of(combined));
    }

    @Override
    public void settled(Event event, Throwable failure) {
        List<Held> others = awaitingCarrier.remove(event);
        if (others == null) {
            return;
        }
        for (Held held : others) {
            if (failure == null) {
                held.outputs().complete(List.of());
            } else {
                held.outputs()
                        .fail(new IllegalStateException(
                                "the batch carrying this event could not be delivered or dead-lettered: "
                                        + failure.getMessage(),
                                failure));
            }
        }
    }

    private static Event combine(List<Held> batch) {
        JsonArray data = new JsonArray();
        for (Held held : batch) {
            Object json = JsonData.parse(held.event());
            data.add(json == JsonData.NOT_JSON ? held.event().data().toString() : json);
        }
        Event first = batch.get(0).event();
        return Event.builder()
                .source(first.source())
                .type(first.type())
                .subject(first.subject())
                .dataContentType("application/json")
                .data(data.toBuffer())
                .build();
    }

    @Override
    public Future<Void> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }
}
