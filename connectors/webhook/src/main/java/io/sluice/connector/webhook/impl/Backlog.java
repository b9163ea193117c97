package io.sluice.connector.webhook.impl;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides when a journaled HTTP source must answer 503 instead of accepting more.
 *
 * <p>The journal absorbs bursts: a full route alone is no reason to refuse, since the delivery
 * waits in JetStream until the route has room. The source refuses when either bound of {@code
 * max-pending} is reached:
 *
 * <ul>
 *   <li>publishes still waiting for the stream's acknowledgement (each holds a request and its body
 *       in memory);
 *   <li>while the routes are full, the journal's backlog of deliveries not yet taken by the
 *       consumer: the last polled {@code num_pending} plus what was journaled since, an
 *       over-estimate that errs towards 503.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class Backlog {

    private final int maxPending;
    private final AtomicInteger publishing = new AtomicInteger();
    private final AtomicLong journaledSincePoll = new AtomicLong();
    private volatile long polled;

    Backlog(int maxPending) {
        this.maxPending = maxPending;
    }

    /** Why a new delivery must be refused now, or {@code null} when it may be journaled. */
    String refusal(int routeCapacity) {
        if (publishing.get() >= maxPending) {
            return publishing.get() + " deliveries are waiting for the journal (max-pending " + maxPending + ")";
        }
        long backlog = polled + journaledSincePoll.get();
        if (routeCapacity <= 0 && backlog >= maxPending) {
            return "the routes are full and about " + backlog + " deliveries wait in the journal (max-pending "
                    + maxPending + ")";
        }
        return null;
    }

    void publishStarted() {
        publishing.incrementAndGet();
    }

    void publishEnded(boolean journaled) {
        publishing.decrementAndGet();
        if (journaled) {
            journaledSincePoll.incrementAndGet();
        }
    }

    /** Called as a poll of the consumer's pending count starts. */
    void pollStarted() {
        journaledSincePoll.set(0);
    }

    /** Called with the consumer's pending count. */
    void polled(long pending) {
        this.polled = pending;
    }

    long estimate() {
        return polled + journaledSincePoll.get();
    }
}
