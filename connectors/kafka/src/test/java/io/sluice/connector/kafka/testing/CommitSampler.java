package io.sluice.connector.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a group's committed positions every 100 ms for the length of a test, each sample tagged
 * with the test's phase, so the test can assert what was committed before it released a record and
 * that no position ever moved backwards.
 */
public final class CommitSampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommitSampler.class);

    /** The committed positions by partition, read wholly within one phase. */
    public record Sample(int phase, Map<Integer, Long> committed) {}

    private final KafkaFixture kafka;
    private final String group;
    private final AtomicInteger phase = new AtomicInteger();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    public CommitSampler(KafkaFixture kafka, String group) {
        this.kafka = kafka;
        this.group = group;
        timer.scheduleWithFixedDelay(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** Starts the next phase; call it before the action that may change what may be committed. */
    public void nextPhase() {
        phase.incrementAndGet();
    }

    /** The highest position committed for the partition in samples read wholly within the phase. */
    public long highestIn(int phase, int partition) {
        return samples.stream()
                .filter(s -> s.phase() == phase)
                .mapToLong(s -> s.committed().getOrDefault(partition, -1L))
                .max()
                .orElse(-1);
    }

    /** Asserts that every partition's committed position only ever moved forwards. */
    public void assertNeverMovedBackwards() {
        List<Sample> ordered = List.copyOf(samples);
        assertThat(ordered).isNotEmpty();
        for (int i = 1; i < ordered.size(); i++) {
            Map<Integer, Long> after = ordered.get(i).committed();
            String when = "sample " + i;
            ordered.get(i - 1)
                    .committed()
                    .forEach((partition, offset) -> assertThat(after.getOrDefault(partition, -1L))
                            .as("partition %d committed position at %s", partition, when)
                            .isGreaterThanOrEqualTo(offset));
        }
    }

    private void sample() {
        int before = phase.get();
        try {
            Map<Integer, Long> committed = kafka.committed(group);
            // A read that straddles a phase change could reflect either phase: keep only clean ones.
            if (phase.get() == before) {
                samples.add(new Sample(before, committed));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read the committed offsets of group '{}'", group, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
