package io.sluice.benchmarks.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's own Kafka clients ({@code KAFKA_BOOTSTRAP}, on 127.0.0.1): creates fresh topics,
 * fills them, reads a group's committed offsets, and deletes every topic it created when closed.
 * Blocking; call from the harness thread.
 */
public final class KafkaFixture implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFixture.class);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    private final String bootstrap;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<String> created = new ArrayList<>();

    public KafkaFixture(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        this.admin = Admin.create(config);
        config.put("acks", "all");
        // Not idempotent: on this broker a fresh topic sometimes answers NOT_LEADER to the first
        // batches, and the idempotent producer's retries then stall on OUT_OF_ORDER_SEQUENCE_NUMBER
        // for good. Plain retries only risk reordering, which no scenario looks at.
        config.put("enable.idempotence", "false");
        config.put("linger.ms", "5");
        config.put("batch.size", Integer.toString(256 * 1024));
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * {@code KAFKA_BOOTSTRAP}, as {@code scripts/kafka.sh start} writes it; it must point at this
     * machine.
     *
     * @throws IllegalStateException when it is not set, saying how to start the broker
     */
    public static String bootstrapFromEnvironment() {
        String value = Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP"))
                .filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalStateException("KAFKA_BOOTSTRAP is not set: run `bash scripts/kafka.sh"
                        + " start && source /tmp/sluice-services/kafka.env` (benchmarks/run.sh does it for 'kafka')"));
        for (String server : value.split(",")) {
            String host = URI.create("kafka://" + server.trim()).getHost();
            if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
                throw new IllegalArgumentException("KAFKA_BOOTSTRAP must point at 127.0.0.1, got " + value);
            }
        }
        return value;
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** Creates the topic with this many partitions; it is deleted on {@link #close()}. */
    public void createTopic(String topic, int partitions) {
        get(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                .all());
        created.add(topic);
    }

    /**
     * Sends {@code count} records round-robin over the partitions, keyed by partition, and waits
     * until the broker acknowledged them all.
     */
    public void fill(String topic, int partitions, int count, IntFunction<byte[]> value) {
        List<Future<?>> sends = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int partition = n % partitions;
            sends.add(producer.send(
                    new ProducerRecord<>(topic, partition, ("key-" + partition).getBytes(), value.apply(n))));
            if (sends.size() == 10_000) {
                sends.forEach(KafkaFixture::get);
                sends.clear();
            }
        }
        producer.flush();
        sends.forEach(KafkaFixture::get);
    }

    /** Sends one record without waiting; {@link #flush()} waits for every send so far. */
    public void send(String topic, byte[] key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    public void flush() {
        producer.flush();
    }

    /** The sum over the topic's partitions of the group's committed offsets. */
    public long committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }

    /** The sum of the topic's end offsets. */
    public long endOffsets(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> request = IntStream.range(0, partitions)
                .boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        return get(admin.listOffsets(request).all()).values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }

    /**
     * Waits until the group committed every record of the topic.
     *
     * @throws IllegalStateException naming the group and how far it got when the bound passes
     */
    public void awaitCommitted(String group, String topic, long end, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        long committed;
        while ((committed = committed(group, topic)) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("group '" + group + "' committed " + committed + " of " + end
                        + " records within " + bound.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + ANSWER_WITHIN.toSeconds() + " s", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        try {
            if (!created.isEmpty()) {
                admin.deleteTopics(created).all().get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not delete the benchmark topics {}: {}", created, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
