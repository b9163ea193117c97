package io.sluice.connector.kafka.impl;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native consumer, extended with what must happen on its polling thread: partition leases
 * opened and ended by rebalances, commits of settled positions, and pausing partitions.
 *
 * <h2>Why here and not on the event loop</h2>
 * Vert.x's read stream calls its rebalance handlers asynchronously, after the consumer has already
 * given partitions up, so a commit made from there could land for a partition another member now
 * owns. Kafka's own listener runs inside {@code poll}, before the partitions go: the last commit for
 * a revoked partition is made there, and every other commit is made between polls for partitions
 * {@link #assignment()} still holds, so this consumer never commits for a partition it does not own.
 *
 * <h2>Pausing</h2>
 * The event loop only publishes what it wants ({@link #saturated}, {@link #backlogged}); before each
 * poll the consumer pauses or resumes partitions to match, against its exact assignment. Paused
 * partitions return no records, but the consumer keeps polling, so it stays in its group however
 * long a sink stalls. A poll that finds the source saturated first waits, up to its timeout, for
 * room: it resumes as soon as the source has some, instead of sleeping out a poll over paused
 * partitions, which capped a busy source at one {@code max-inflight} per poll timeout.
 */
final class CommittingConsumer extends KafkaConsumer<byte[], byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(CommittingConsumer.class);
    private static final Duration STILL_SATURATED_POLL = Duration.ofMillis(1);

    private final String source;
    private final long commitIntervalNanos;
    private final Map<TopicPartition, PartitionLease> leases = new ConcurrentHashMap<>();
    private final Set<TopicPartition> backlogged = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomFreed = lock.newCondition();
    private volatile boolean saturated;
    private long nextCommit = System.nanoTime();

    CommittingConsumer(String source, Map<String, Object> config, Duration commitInterval) {
        super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.source = source;
        this.commitIntervalNanos = commitInterval.toNanos();
    }

    /**
     * The consumer's open connections to brokers, from its {@code connection-count} metric: 0 once
     * every broker is unreachable. Any thread: the metrics registry is concurrent and reading it
     * does not take the consumer's single-thread guard.
     */
    int connections() {
        for (Map.Entry<MetricName, ? extends Metric> metric : metrics().entrySet()) {
            MetricName name = metric.getKey();
            if ("connection-count".equals(name.name()) && "consumer-metrics".equals(name.group())) {
                Object value = metric.getValue().metricValue();
                return value instanceof Number ? ((Number) value).intValue() : 0;
            }
        }
        return 0;
    }

    /** The partition's current lease, or {@code null} when it is not assigned. Any thread. */
    PartitionLease lease(TopicPartition partition) {
        return leases.get(partition);
    }

    /** Asks for the partition to be paused (records wait in memory) or resumed. Any thread. */
    void backlogged(TopicPartition partition, boolean waiting) {
        if (waiting) {
            backlogged.add(partition);
        } else {
            backlogged.remove(partition);
        }
    }

    /**
     * Asks for every partition to be paused (the source holds all it may) or for the others back,
     * waking a poll that waits for room. Any thread; cheap when nothing changes.
     */
    void saturated(boolean full) {
        if (saturated == full) {
            return;
        }
        if (full) {
            saturated = true;
            return;
        }
        lock.lock();
        try {
            saturated = false;
            roomFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
        super.subscribe(topics, new Leasing(listener));
    }

    @Override
    public void subscribe(Pattern pattern, ConsumerRebalanceListener listener) {
        super.subscribe(pattern, new Leasing(listener));
    }

    @Override
    public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        boolean stillSaturated = awaitRoom(timeout);
        applyPauses();
        // Still full after waiting: a short poll keeps the group membership and rebalances moving.
        ConsumerRecords<byte[], byte[]> records = super.poll(stillSaturated ? STILL_SATURATED_POLL : timeout);
        long now = System.nanoTime();
        if (now - nextCommit >= 0) {
            nextCommit = now + commitIntervalNanos;
            commitDue();
        }
        return records;
    }

    @Override
    public void close() {
        commitBeforeClose();
        super.close();
    }

    @Override
    public void close(Duration timeout) {
        commitBeforeClose();
        super.close(timeout);
    }

    /** Waits while the source is saturated, up to the timeout; tells whether it still is. */
    private boolean awaitRoom(Duration timeout) {
        if (!saturated) {
            return false;
        }
        lock.lock();
        try {
            long left = timeout.toNanos();
            while (saturated && left > 0) {
                left = roomFreed.awaitNanos(left);
            }
            return saturated;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return saturated;
        } finally {
            lock.unlock();
        }
    }

    private void applyPauses() {
        Set<TopicPartition> assigned = assignment();
        Set<TopicPartition> wanted = new HashSet<>(saturated ? assigned : backlogged);
        wanted.retainAll(assigned);
        Set<TopicPartition> paused = paused();
        Set<TopicPartition> resume = new HashSet<>(paused);
        resume.removeAll(wanted);
        wanted.removeAll(paused);
        if (!wanted.isEmpty()) {
            pause(wanted);
        }
        if (!resume.isEmpty()) {
            resume(resume);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> due(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionLease lease = leases.get(partition);
            long offset = lease == null ? -1 : lease.due();
            if (offset >= 0) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        }
        return offsets;
    }

    private void commitDue() {
        Map<TopicPartition, OffsetAndMetadata> offsets = due(assignment());
        if (offsets.isEmpty()) {
            return;
        }
        commitAsync(offsets, (done, failure) -> {
            if (failure == null) {
                recordCommitted(done);
            } else if (failure instanceof RebalanceInProgressException || failure instanceof RetriableException) {
                // Expected while the group rebalances or a coordinator moves; the revoke commits anyway.
                LOG.debug("Source '{}' commit deferred to the next interval: {}", source, failure.toString());
            } else {
                LOG.warn("Source '{}' could not commit {}; retrying in the next interval", source, offsets, failure);
            }
        });
    }

    /** Commits synchronously; a failure means records past the last commit are delivered again. */
    private void commitSettled(Collection<TopicPartition> partitions, String when) {
        Map<TopicPartition, OffsetAndMetadata> offsets = due(partitions);
        if (offsets.isEmpty()) {
            return;
        }
        try {
            commitDespiteWakeup(offsets);
            recordCommitted(offsets);
        } catch (KafkaException e) {
            LOG.warn(
                    "Source '{}' could not commit {} {}; records after the last commit will be delivered again",
                    source,
                    offsets,
                    when,
                    e);
        }
    }

    private void recordCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionLease lease = leases.get(partition);
            if (lease != null) {
                lease.committed(offset.offset());
            }
        });
        LOG.debug("Source '{}' committed {}", source, offsets);
    }

    private void commitDespiteWakeup(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            commitSync(offsets);
        } catch (WakeupException e) {
            // Vert.x wakes the consumer before closing it; a wake-up no poll consumed surfaces here, once.
            commitSync(offsets);
        }
    }

    private void commitBeforeClose() {
        commitSettled(assignment(), "on stop");
    }

    /** Opens and ends leases around Vert.x's listener, which only notifies the event loop. */
    private final class Leasing implements ConsumerRebalanceListener {

        private final ConsumerRebalanceListener vertx;

        Leasing(ConsumerRebalanceListener vertx) {
            this.vertx = vertx;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitSettled(partitions, "on revoke");
            end(partitions);
            if (!partitions.isEmpty()) {
                LOG.info("Source '{}' gave up partitions {}", source, partitions);
            }
            vertx.onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another member may already own them: committing now could move its position.
            end(partitions);
            LOG.warn(
                    "Source '{}' lost partitions {}; their unsettled records will be delivered again",
                    source,
                    partitions);
            vertx.onPartitionsLost(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            end(partitions);
            partitions.forEach(partition -> leases.put(partition, new PartitionLease(partition)));
            if (saturated && !partitions.isEmpty()) {
                pause(partitions);
            }
            if (!partitions.isEmpty()) {
                LOG.info("Source '{}' was assigned partitions {}", source, partitions);
            }
            vertx.onPartitionsAssigned(partitions);
        }

        private void end(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                PartitionLease lease = leases.remove(partition);
                if (lease != null) {
                    lease.end();
                }
                backlogged.remove(partition);
            }
        }
    }
}
