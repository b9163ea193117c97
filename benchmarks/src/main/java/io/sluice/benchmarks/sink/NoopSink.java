package io.sluice.benchmarks.sink;

import io.sluice.benchmarks.Latency;
import io.sluice.event.Event;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Sink;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Delivers every event at once. Counts deliveries, notes when the first and last arrived, and
 * records each event's age in microseconds: now minus the Unix nanoseconds at the configured data
 * path, or else minus the event's {@code time} (which the queue source takes from {@code
 * X-Start-Time}).
 */
public final class NoopSink implements Sink {

    private static final Future<Delivery> DONE = Future.succeededFuture(Delivery.done());

    private final String[] agePath;
    private final AtomicLong delivered = new AtomicLong();
    private final Histogram ageMicros = Latency.microsHistogram();
    private volatile long firstNanos;
    private volatile long lastNanos;

    /** @param agePath the data path of the age's origin, or {@code null} to use the event's time */
    NoopSink(String[] agePath) {
        this.agePath = agePath;
    }

    @Override
    public Future<Delivery> send(Event event) {
        long now = System.nanoTime();
        if (delivered.getAndIncrement() == 0) {
            firstNanos = now;
        }
        lastNanos = now;
        if (agePath != null) {
            Object origin = at(event.dataAsJson(), agePath);
            if (origin instanceof Number) {
                ageMicros.recordValue(Math.max(0, (epochNanos() - ((Number) origin).longValue()) / 1000));
            }
        } else if (event.time() != null) {
            ageMicros.recordValue(Math.max(0, ChronoUnit.MICROS.between(event.time(), Instant.now())));
        }
        return DONE;
    }

    private static Object at(JsonObject data, String[] path) {
        Object value = data;
        for (String key : path) {
            if (!(value instanceof JsonObject)) {
                return null;
            }
            value = ((JsonObject) value).getValue(key);
        }
        return value;
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    public long delivered() {
        return delivered.get();
    }

    /** {@link System#nanoTime()} of the first delivery; 0 before it. */
    public long firstNanos() {
        return firstNanos;
    }

    /** {@link System#nanoTime()} of the latest delivery. */
    public long lastNanos() {
        return lastNanos;
    }

    /** Each delivered event's age at delivery, in microseconds. */
    public Histogram ageMicros() {
        return ageMicros;
    }
}
