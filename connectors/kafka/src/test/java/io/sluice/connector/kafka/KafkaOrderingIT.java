package io.sluice.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connector.kafka.testing.KafkaFixture;
import io.sluice.connector.kafka.testing.Sluices;
import io.sluice.event.Event;
import io.sluice.pipeline.Delivery;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ScriptedSinkFactory;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ordered: true} against the broker {@code scripts/kafka.sh} runs. */
class KafkaOrderingIT {

    private static final int PARTITIONS = 4;
    private static final int PER_PARTITION = 50;

    private KafkaFixture kafka;
    private Vertx vertx;
    private Sluice sluice;

    @BeforeEach
    void connect() {
        kafka = new KafkaFixture();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        if (kafka == null) {
            return; // no broker: the test was skipped before it started anything
        }
        if (sluice != null) {
            Await.result(sluice.stop());
        }
        Await.result(vertx.close());
        kafka.close();
    }

    @Test
    void keepsOffsetOrderPerPartitionWhilePartitionsRunInParallel() {
        String topic = kafka.createTopic("ordered", PARTITIONS);
        sluice = Sluices.start(
                vertx,
                "ordered",
                "sources: [{name: ordered-in, type: kafka, bootstrap-servers: '" + kafka.bootstrap() + "', topics: ["
                        + topic + "], group: " + KafkaFixture.unique("ordered") + ", ordered: true}]\n"
                        + "sinks: [{name: ordered-out, type: scripted, concurrency: 16}]\n"
                        + "routes: [{name: ordered, from: ordered-in, to: ordered-out}]\n");
        Map<Integer, List<Long>> arrivals = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> inPartition = new ConcurrentHashMap<>();
        AtomicInteger sending = new AtomicInteger();
        AtomicInteger mostSending = new AtomicInteger();
        AtomicInteger mostInOnePartition = new AtomicInteger();
        ScriptedSinkFactory.sink("ordered-out").behave(event -> {
            int partition = Integer.parseInt(event.headers().first("X-Kafka-Partition"));
            arrivals.computeIfAbsent(partition, p -> new CopyOnWriteArrayList<>())
                    .add(offset(event));
            AtomicInteger mine = inPartition.computeIfAbsent(partition, p -> new AtomicInteger());
            mostInOnePartition.accumulateAndGet(mine.incrementAndGet(), Math::max);
            mostSending.accumulateAndGet(sending.incrementAndGet(), Math::max);
            return vertx.timer(ThreadLocalRandom.current().nextInt(1, 6)).map(t -> {
                mine.decrementAndGet();
                sending.decrementAndGet();
                return Delivery.done();
            });
        });

        kafka.fill(topic, PARTITIONS, PER_PARTITION);

        await().until(() -> arrivals.values().stream().mapToInt(List::size).sum() == PARTITIONS * PER_PARTITION);
        List<Long> inOrder =
                IntStream.range(0, PER_PARTITION).mapToObj(Long::valueOf).collect(Collectors.toList());
        assertThat(arrivals).hasSize(PARTITIONS);
        arrivals.forEach((partition, offsets) ->
                assertThat(offsets).as("offsets of partition %d", partition).isEqualTo(inOrder));
        assertThat(mostInOnePartition.get()).isEqualTo(1);
        assertThat(mostSending.get()).isGreaterThan(1);
    }

    private static long offset(Event event) {
        return Long.parseLong(event.headers().first("X-Kafka-Offset"));
    }
}
