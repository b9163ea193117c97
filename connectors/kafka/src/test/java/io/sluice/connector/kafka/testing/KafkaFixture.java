package io.sluice.connector.kafka.testing;

import io.sluice.testing.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plain Kafka clients for tests, used from the test thread: topics, records, committed offsets.
 * Topic and group names carry a per-run suffix, so tests never share state with each other or with
 * earlier runs against the same broker.
 */
public final class KafkaFixture implements AutoCloseable {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final String bootstrap;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;

    public KafkaFixture() {
        this.bootstrap = TestServices.kafkaBootstrap();
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        this.admin = Admin.create(config);
        config.put("acks", "all");
        config.put("linger.ms", "5");
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** A name unique to this run, e.g. a topic or group name. */
    public static String unique(String name) {
        return name + "-" + RUN;
    }

    /** Creates a topic with this many partitions and returns its name. */
    public String createTopic(String name, int partitions) {
        String topic = unique(name);
        get(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                .all());
        return topic;
    }

    /** Sends the record and waits for the broker's acknowledgement. */
    public void send(ProducerRecord<byte[], byte[]> record) {
        get(producer.send(record));
    }

    /** Sends {@code count} small JSON records to each partition, and waits for them all. */
    public void fill(String topic, int partitions, int count) {
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < partitions; p++) {
                byte[] value = ("{\"n\":" + i + "}").getBytes();
                producer.send(new ProducerRecord<>(topic, p, ("k" + p).getBytes(), value));
            }
        }
        producer.flush();
    }

    /** The group's committed positions, by partition; absent partitions have none. */
    public Map<Integer, Long> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<Integer, Long> positions = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                positions.put(partition.partition(), offset.offset());
            }
        });
        return positions;
    }

    /** Each partition's end offset. */
    public Map<Integer, Long> endOffsets(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> request = IntStream.range(0, partitions)
                .boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        return get(admin.listOffsets(request).all()).entrySet().stream()
                .collect(Collectors.toMap(
                        e -> e.getKey().partition(), e -> e.getValue().offset()));
    }

    /** Reads every record of the topic's first partition from the start, until {@code count} came. */
    public List<ConsumerRecord<byte[], byte[]>> read(String topic, int count) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("Kafka did not answer within 30 s", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
