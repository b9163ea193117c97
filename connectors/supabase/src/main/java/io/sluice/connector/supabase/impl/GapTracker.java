package io.sluice.connector.supabase.impl;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.sluice.connector.supabase.SupabaseRealtime;
import io.sluice.metrics.MetricNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the periods in which a Realtime channel may have missed changes, since Realtime replays
 * nothing: a change committed while the channel is down, or before the server has subscribed it, is
 * simply never sent.
 *
 * <ul>
 *   <li>a <em>channel gap</em> opens when a live channel is lost and closes at the next "Subscribed
 *       to PostgreSQL"; its duration is the {@value SupabaseRealtime#GAP_SECONDS} gauge;
 *   <li>a <em>possible gap</em> is a change that arrives after the join but before "Subscribed":
 *       the subscription was being set up while changes were committed, so some just before it may
 *       be missing; counted once per join, unless a channel gap already covers it;
 *   <li>a <em>drop run</em> is a run of changes dropped because the routes and the buffer were full.
 * </ul>
 *
 * Called on the source's event loop only; the gauge reads a volatile.
 */
final class GapTracker {

    private static final Logger LOG = LoggerFactory.getLogger(GapTracker.class);

    private final String source;
    private final Counter gaps;
    private volatile long openSinceNanos = -1;
    private boolean live;
    private boolean earlyChangeCounted;

    GapTracker(MetricRegistry registry, String source) {
        this.source = source;
        this.gaps = registry.counter(MetricNames.name(SupabaseRealtime.GAPS, "source", source));
        registry.gauge(MetricNames.name(SupabaseRealtime.GAP_SECONDS, "source", source), () -> this::gapSeconds);
    }

    /** A join was sent. */
    void joining() {
        earlyChangeCounted = false;
    }

    /** The server pushed "Subscribed to PostgreSQL": changes flow from here on. */
    void subscribed() {
        if (openSinceNanos >= 0) {
            LOG.warn(
                    "Source '{}' is subscribed again after a gap of {} ms; changes committed in it were not"
                            + " delivered (Realtime does not replay)",
                    source,
                    (System.nanoTime() - openSinceNanos) / 1_000_000);
        }
        openSinceNanos = -1;
        live = true;
    }

    /** The channel stopped being live; opens a gap when it was. */
    void lost() {
        if (!live) {
            return;
        }
        live = false;
        openSinceNanos = System.nanoTime();
        gaps.inc();
        // The source logs the loss itself, with what it does next; the gap's end is logged here.
    }

    /** A change arrived between the join and "Subscribed". */
    void changeBeforeSubscribed() {
        if (earlyChangeCounted || openSinceNanos >= 0) {
            return;
        }
        earlyChangeCounted = true;
        gaps.inc();
        LOG.warn(
                "Source '{}' received a change before Realtime confirmed the subscription; changes committed"
                        + " just before it may have been missed",
                source);
    }

    /** The first change of a run dropped for lack of room. */
    void dropRunStarted() {
        gaps.inc();
    }

    private double gapSeconds() {
        long since = openSinceNanos;
        return since < 0 ? 0 : (System.nanoTime() - since) / 1e9;
    }
}
