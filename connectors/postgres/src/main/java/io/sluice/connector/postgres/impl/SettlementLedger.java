package io.sluice.connector.postgres.impl;

import java.util.ArrayDeque;
import java.util.TreeSet;

/**
 * Decides how far the slot may be confirmed: to the last position whose events, and every event
 * before it in stream order, have settled.
 *
 * <p>Events settle out of order (sinks differ in speed), but the slot has a single confirmed
 * position. Every event and every position gets a sequence number in stream order; a position is
 * released once no unsettled event has a lower number. Only two kinds of position are marked, both
 * safe to restart from: the end of a transaction's commit record, and a non-transactional logical
 * message (the heartbeat). A position inside a transaction is never confirmed: PostgreSQL would
 * send the whole transaction again anyway.
 *
 * <p>Memory stays bounded by the events in flight: positions with no unsettled event between them
 * are merged, so there is at most one per unsettled event, plus one.
 *
 * <p>Used from the source's event loop only.
 */
final class SettlementLedger {

    private final TreeSet<Long> unsettled = new TreeSet<>();
    private final ArrayDeque<long[]> positions = new ArrayDeque<>();
    private long next;
    private long confirmable;
    private long advancedAtNanos = System.nanoTime();

    /** @param confirmed the slot's position when reading started */
    SettlementLedger(long confirmed) {
        this.confirmable = confirmed;
    }

    /** Tracks an event in stream order; pass the returned ticket to {@link #settle}. */
    long track() {
        long ticket = next++;
        unsettled.add(ticket);
        return ticket;
    }

    /** Records a position that may be confirmed once every event before it settled. */
    void mark(long position) {
        long ticket = next++;
        long[] last = positions.peekLast();
        if (last != null && (unsettled.isEmpty() || unsettled.last() < last[0])) {
            last[0] = ticket;
            last[1] = position;
        } else {
            positions.addLast(new long[] {ticket, position});
        }
        release();
    }

    /** Records that the event's outputs all settled. */
    void settle(long ticket) {
        if (unsettled.remove(ticket)) {
            release();
        }
    }

    private void release() {
        long lowest = unsettled.isEmpty() ? Long.MAX_VALUE : unsettled.first();
        while (!positions.isEmpty() && positions.peekFirst()[0] < lowest) {
            long position = positions.pollFirst()[1];
            if (Lsn.after(position, confirmable)) {
                confirmable = position;
                advancedAtNanos = System.nanoTime();
            }
        }
    }

    /** The position the slot may be confirmed to. */
    long confirmable() {
        return confirmable;
    }

    /** When {@link #confirmable()} last moved ({@link System#nanoTime()}). */
    long advancedAtNanos() {
        return advancedAtNanos;
    }

    /** Positions waiting for an event before them to settle; at most one per unsettled event, plus one. */
    int waitingPositions() {
        return positions.size();
    }

    /** Events tracked and not yet settled. */
    int unsettled() {
        return unsettled.size();
    }
}
