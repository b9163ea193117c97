package io.sluice.connector.kafka.impl;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * One assignment of a partition to this consumer, from the rebalance that gave it to the one that
 * took it away. It carries the committable position from the event loop, where records settle, to
 * the polling thread, where commits are made.
 *
 * <p>A partition revoked and assigned again gets a new lease, so a settlement that arrives late for
 * the old assignment lands on the old lease, which nobody commits any more.
 */
final class PartitionLease {

    private final TopicPartition partition;
    private final AtomicLong committable = new AtomicLong(-1);
    private volatile boolean active = true;
    // Touched on the polling thread only.
    private long committed = -1;

    PartitionLease(TopicPartition partition) {
        this.partition = partition;
    }

    TopicPartition partition() {
        return partition;
    }

    /** Whether the partition is still assigned under this lease. */
    boolean active() {
        return active;
    }

    /** Ends the lease: nothing settled under it is committed any more. Polling thread. */
    void end() {
        active = false;
    }

    /** Offers a new committable position; only a higher one is kept. Any thread. */
    void settledUpTo(long offset) {
        committable.accumulateAndGet(offset, Math::max);
    }

    /** The position to commit, or -1 when nothing new settled since the last commit. Polling thread. */
    long due() {
        long offset = committable.get();
        return offset > committed ? offset : -1;
    }

    /** Records a position the broker accepted. Polling thread. */
    void committed(long offset) {
        committed = Math.max(committed, offset);
    }
}
