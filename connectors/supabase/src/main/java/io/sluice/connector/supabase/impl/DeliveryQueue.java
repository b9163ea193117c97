package io.sluice.connector.supabase.impl;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.sluice.connector.supabase.SupabaseRealtime;
import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.Outcome;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands Realtime's changes to the routes, which may be full while Realtime keeps sending: the
 * server cannot be paused, so up to {@code max-buffer} changes wait for room and further ones are
 * dropped, counted in {@value SupabaseRealtime#DROPPED} and, per run, as a gap. Dropping the newest
 * keeps the buffered ones in commit order.
 *
 * <p>Nothing is acknowledged to Realtime, so a change is dispatched and its outcome counted in
 * {@value SupabaseRealtime#CHANGES}; one that neither a sink nor the dead-letter store took is lost
 * and logged.
 *
 * <p>Called on the source's event loop only.
 */
final class DeliveryQueue {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryQueue.class);

    private final SourceContext sluice;
    private final Context context;
    private final int maxBuffer;
    private final GapTracker gaps;
    private final ArrayDeque<Event> buffer = new ArrayDeque<>();
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Counter unsettled;
    private final Counter dropped;
    private long droppedInRun;
    private boolean waiting;

    DeliveryQueue(SourceContext sluice, Context context, int maxBuffer, GapTracker gaps) {
        this.sluice = sluice;
        this.context = context;
        this.maxBuffer = maxBuffer;
        this.gaps = gaps;
        MetricRegistry registry = sluice.components().metrics();
        String source = sluice.sourceName();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(
                    outcome, registry.counter(changes(source, outcome.name().toLowerCase(Locale.ROOT))));
        }
        this.unsettled = registry.counter(changes(source, "unsettled"));
        this.dropped = registry.counter(MetricNames.name(SupabaseRealtime.DROPPED, "source", source));
        registry.gauge(MetricNames.name(SupabaseRealtime.BUFFERED, "source", source), () -> buffer::size);
    }

    /** Dispatches the change now if the routes have room, else buffers or drops it. */
    void offer(Event change) {
        if (buffer.isEmpty() && sluice.capacity() > 0) {
            endDropRun();
            dispatch(change);
        } else if (buffer.size() < maxBuffer) {
            buffer.add(change);
            drainWhenRoom();
        } else {
            drop(change);
        }
    }

    /** Dead-letters a push that is not a deliverable change, with its cause. */
    void deadLetter(Event raw, Throwable cause) {
        sluice.deadLetter(raw, cause)
                .map(Outcome.DEAD_LETTERED)
                .onComplete(done -> context.runOnContext(v -> settled(raw, done)));
    }

    /** Empties the buffer when the source stops; returns how many changes it held, now lost. */
    int discard() {
        int held = buffer.size();
        buffer.clear();
        return held;
    }

    private void dispatch(Event change) {
        sluice.dispatch(change).onComplete(done -> context.runOnContext(v -> settled(change, done)));
    }

    private void settled(Event change, AsyncResult<Outcome> done) {
        if (done.succeeded()) {
            outcomes.get(done.result()).inc();
            return;
        }
        unsettled.inc();
        LOG.warn(
                "Change '{}' ({}) of source '{}' did not settle ({}); it is lost, Realtime cannot redeliver it",
                change.id(),
                change.subject(),
                sluice.sourceName(),
                done.cause().toString());
    }

    private void drainWhenRoom() {
        while (!buffer.isEmpty() && sluice.capacity() > 0) {
            dispatch(buffer.poll());
        }
        if (buffer.isEmpty()) {
            endDropRun();
            return;
        }
        if (!waiting) {
            waiting = true;
            sluice.whenCapacity()
                    .onComplete(room -> context.runOnContext(v -> {
                        waiting = false;
                        drainWhenRoom();
                    }));
        }
    }

    private void drop(Event change) {
        dropped.inc();
        if (droppedInRun++ == 0) {
            gaps.dropRunStarted();
            LOG.warn(
                    "Source '{}' is dropping changes: the routes are full and {} changes are buffered (max-buffer);"
                            + " first dropped: '{}' ({})",
                    sluice.sourceName(),
                    buffer.size(),
                    change.id(),
                    change.subject());
        }
    }

    private void endDropRun() {
        if (droppedInRun > 0) {
            LOG.warn("Source '{}' delivers again after dropping {} changes", sluice.sourceName(), droppedInRun);
            droppedInRun = 0;
        }
    }

    private static String changes(String source, String outcome) {
        return MetricNames.name(SupabaseRealtime.CHANGES, "source", source, "outcome", outcome);
    }
}
