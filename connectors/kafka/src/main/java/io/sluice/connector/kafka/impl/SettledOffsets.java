package io.sluice.connector.kafka.impl;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The records of one partition handed to Sluice and not yet settled, and from them the offset that
 * may be committed: one past the last record settled with every earlier record settled too.
 *
 * <p>Records settle in any order (they go to different sinks, or one is retried), but a Kafka
 * commit is a single position per partition: committing past an unsettled record would lose it if
 * this replica died, so the position only moves over a contiguous settled run. Offsets need not be
 * consecutive (compaction and transaction markers leave gaps). Not thread-safe: used on the source's
 * event loop only.
 */
final class SettledOffsets {

    private final ArrayDeque<Long> unsettled = new ArrayDeque<>();
    private final Set<Long> settledAhead = new HashSet<>();
    private long committable = -1;

    /**
     * Records that the record at this offset was handed to Sluice.
     *
     * @throws IllegalArgumentException when the offset is not above every earlier one
     */
    void dispatched(long offset) {
        Long last = unsettled.peekLast();
        if ((last != null && offset <= last) || offset < committable) {
            throw new IllegalArgumentException(
                    "offset " + offset + " handed out of order (last " + last + ", committable " + committable + ")");
        }
        unsettled.addLast(offset);
    }

    /**
     * Records that the record at this offset settled.
     *
     * @return the new committable position, or -1 when it did not move
     */
    long settled(long offset) {
        Long first = unsettled.peekFirst();
        if (first == null || offset != first) {
            // Offsets go out in increasing order, so one inside the unsettled span is one of them;
            // a range check instead of a search keeps out-of-order settling O(1).
            if (first != null && offset > first && offset <= unsettled.peekLast()) {
                settledAhead.add(offset);
            }
            return -1;
        }
        unsettled.pollFirst();
        long next = offset + 1;
        while (!unsettled.isEmpty() && settledAhead.remove(unsettled.peekFirst())) {
            next = unsettled.pollFirst() + 1;
        }
        committable = next;
        return next;
    }

    /** The offset one past the contiguous settled run, or -1 when nothing settled yet. */
    long committable() {
        return committable;
    }

    /** How many records are handed out and not settled. */
    int unsettled() {
        return unsettled.size();
    }
}
