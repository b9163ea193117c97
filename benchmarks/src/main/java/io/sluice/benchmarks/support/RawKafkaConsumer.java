package io.sluice.benchmarks.support;

import io.sluice.benchmarks.Latency;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The baseline consumer: the plainest kafka-clients loop in a consumer group, {@code poll} then a
 * {@code commitAsync} of the polled positions at most once per commit interval (as Sluice's source
 * commits), on one thread, with the same client version and {@code max.poll.records} as Sluice's
 * {@code kafka} source. It does not look at the records; for latency it reads each record's
 * timestamp (the producer's create time).
 */
public final class RawKafkaConsumer implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final long COMMIT_INTERVAL = Duration.ofSeconds(1).toNanos();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicLong received = new AtomicLong();
    private final Histogram ageMicros = Latency.microsHistogram();
    private volatile long firstNanos;
    private volatile long lastNanos;
    private long lastCommitNanos = System.nanoTime();
    private volatile boolean running;
    private Thread background;

    /** @param maxPollRecords as Sluice's source sets it: {@code min(500, max-inflight)} */
    public RawKafkaConsumer(String bootstrap, String group, String topic, int maxPollRecords) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("group.id", group);
        config.put("auto.offset.reset", "earliest");
        config.put("enable.auto.commit", "false");
        config.put("max.poll.records", Integer.toString(maxPollRecords));
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /**
     * Consumes on the calling thread until {@code count} records came, then commits synchronously,
     * so the group's offsets stand at the end when this returns.
     */
    public void drain(long count, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (received.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("raw Kafka consumer received " + received.get() + " of " + count
                        + " within " + bound.toSeconds() + " s");
            }
            pollAndCommit(false);
        }
        consumer.commitSync();
    }

    /** Consumes on a thread of its own, recording each record's age, until {@link #close()}. */
    public void startBackground() {
        running = true;
        background = new Thread(
                () -> {
                    try {
                        while (running) {
                            pollAndCommit(true);
                        }
                    } catch (WakeupException e) {
                        // close() asked us to stop.
                    }
                },
                "bench-raw-kafka-consumer");
        background.setDaemon(true);
        background.start();
    }

    public long received() {
        return received.get();
    }

    /** {@link System#nanoTime()} of the first record; 0 before it. */
    public long firstNanos() {
        return firstNanos;
    }

    /** {@link System#nanoTime()} of the latest poll that returned records. */
    public long lastNanos() {
        return lastNanos;
    }

    /** Each record's age when polled, in microseconds; only filled by {@link #startBackground()}. */
    public Histogram ageMicros() {
        synchronized (ageMicros) {
            return ageMicros.copy();
        }
    }

    private void pollAndCommit(boolean measureAge) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (records.isEmpty()) {
            return;
        }
        if (firstNanos == 0) {
            firstNanos = System.nanoTime();
        }
        if (measureAge) {
            long nowMillis = System.currentTimeMillis();
            synchronized (ageMicros) {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    ageMicros.recordValue(Math.max(0, nowMillis - record.timestamp()) * 1000);
                }
            }
        }
        received.addAndGet(records.count());
        lastNanos = System.nanoTime();
        if (lastNanos - lastCommitNanos >= COMMIT_INTERVAL) {
            lastCommitNanos = lastNanos;
            consumer.commitAsync();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (background != null) {
            running = false;
            consumer.wakeup();
            background.join(10_000);
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
