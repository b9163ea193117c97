package io.sluice.connector.kafka.impl;

import java.util.ArrayDeque;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One partition's records on the source's event loop, under one lease: those received and waiting
 * for room, and the offsets handed to Sluice and not yet settled. Not thread-safe.
 */
final class PartitionFlow {

    private final PartitionLease lease;
    private final ArrayDeque<ConsumerRecord<byte[], byte[]>> waiting = new ArrayDeque<>();
    private final SettledOffsets offsets = new SettledOffsets();
    private boolean reportedBacklog;

    PartitionFlow(PartitionLease lease) {
        this.lease = lease;
    }

    PartitionLease lease() {
        return lease;
    }

    void add(ConsumerRecord<byte[], byte[]> record) {
        waiting.addLast(record);
    }

    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** Whether the partition should be paused: records wait under a lease still held. */
    boolean backlogged() {
        return lease.active() && !waiting.isEmpty();
    }

    /**
     * Whether {@link #backlogged()} changed since the last call that returned {@code true}, so the
     * pause request is only touched on a change, not for every record.
     */
    boolean backlogChanged() {
        boolean now = backlogged();
        if (now == reportedBacklog) {
            return false;
        }
        reportedBacklog = now;
        return true;
    }

    /** Whether the next waiting record may go now; in order, only once the previous one settled. */
    boolean ready(boolean ordered) {
        return !waiting.isEmpty() && !(ordered && offsets.unsettled() > 0);
    }

    /** Takes the next waiting record and counts it unsettled. */
    ConsumerRecord<byte[], byte[]> next() {
        ConsumerRecord<byte[], byte[]> record = waiting.pollFirst();
        offsets.dispatched(record.offset());
        return record;
    }

    /** Marks the record settled and, while the lease holds, offers the new committable position. */
    void settled(long offset) {
        long committable = offsets.settled(offset);
        if (committable >= 0 && lease.active()) {
            lease.settledUpTo(committable);
        }
    }

    /** Forgets the waiting records (the partition is gone, or the source stops); returns how many. */
    int dropWaiting() {
        int dropped = waiting.size();
        waiting.clear();
        return dropped;
    }
}
