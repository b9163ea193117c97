package io.sluice.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connector.kafka.testing.CommitSampler;
import io.sluice.connector.kafka.testing.KafkaFixture;
import io.sluice.connector.kafka.testing.Sluices;
import io.sluice.deadletter.DeadLetter;
import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.Delivery;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.MemoryDeadLetterStoreFactory;
import io.sluice.testing.ScriptedSinkFactory;
import io.sluice.testing.ScriptedSinkFactory.Scripted;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kafka source against the broker {@code scripts/kafka.sh} runs. */
class KafkaSourceIT {

    private static final byte[] NO_KEY = null;

    private KafkaFixture kafka;
    private Vertx vertx;
    private Sluice sluice;
    private CommitSampler commits;

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
        if (commits != null) {
            commits.close();
        }
        if (sluice != null) {
            Await.result(sluice.stop());
        }
        Await.result(vertx.close());
        kafka.close();
    }

    private void start(String name, String topic, String group, String options) {
        sluice = Sluices.start(
                vertx,
                name,
                "sources: [{name: " + name + "-in, type: kafka, bootstrap-servers: '" + kafka.bootstrap()
                        + "', topics: [" + topic + "], group: " + group + ", commit-interval: 200ms"
                        + options + "}]\n"
                        + "sinks: [{name: " + name + "-out, type: scripted, concurrency: 100}]\n"
                        + "routes: [{name: " + name + ", from: " + name + "-in, to: " + name + "-out}]\n");
    }

    @Test
    void deliversRecordsWithTheKafkaConnectorHeaders() {
        String topic = kafka.createTopic("headers", 1);
        String group = KafkaFixture.unique("headers");
        RecordHeaders plain = new RecordHeaders();
        plain.add("trace-id", bytes("abc"));
        plain.add("content-type", bytes("application/json"));
        kafka.send(new ProducerRecord<>(topic, 0, bytes("order-1"), bytes("{\"n\":0}"), plain));
        kafka.send(new ProducerRecord<>(topic, 0, new byte[] {(byte) 0xff, 0, 16}, bytes("x")));
        RecordHeaders cloudEvent = new RecordHeaders();
        cloudEvent.add("ce_specversion", bytes("1.0"));
        cloudEvent.add("ce_id", bytes("evt-9"));
        cloudEvent.add("ce_source", bytes("/shop"));
        cloudEvent.add("ce_type", bytes("order.created"));
        cloudEvent.add("ce_time", bytes("2024-05-01T10:00:00Z"));
        cloudEvent.add("ce_tenant", bytes("acme"));
        cloudEvent.add("content-type", bytes("application/json"));
        kafka.send(new ProducerRecord<>(topic, 0, NO_KEY, bytes("{\"a\":1}"), cloudEvent));
        RecordHeaders oldVersion = new RecordHeaders();
        oldVersion.add("ce_specversion", bytes("0.3"));
        kafka.send(new ProducerRecord<>(topic, 0, NO_KEY, bytes("old"), oldVersion));

        start("headers", topic, group, "");

        Scripted sink = ScriptedSinkFactory.sink("headers-out");
        await().until(() -> sink.received().size() == 3);
        Map<String, Event> events = sink.received().stream().collect(Collectors.toMap(Event::id, e -> e));
        Event plainEvent = events.get(topic + "-0-0");
        assertThat(plainEvent.type()).isEqualTo("io.sluice.kafka.record");
        assertThat(plainEvent.subject()).isEqualTo(topic);
        assertThat(plainEvent.extension("position")).isEqualTo("0");
        assertThat(plainEvent.dataContentType()).isEqualTo("application/json");
        assertThat(plainEvent.data().toString()).isEqualTo("{\"n\":0}");
        assertThat(plainEvent.headers().first("X-Kafka-Topic")).isEqualTo(topic);
        assertThat(plainEvent.headers().first("X-Topic")).isEqualTo(topic);
        assertThat(plainEvent.headers().first("X-Kafka-Partition")).isEqualTo("0");
        assertThat(plainEvent.headers().first("X-Kafka-Offset")).isEqualTo("0");
        assertThat(plainEvent.headers().first("X-Kafka-Key")).isEqualTo("order-1");
        assertThat(plainEvent.headers().contains("X-Kafka-Key-Enc")).isFalse();
        assertThat(plainEvent.headers().first("X-Kafka-trace-id")).isEqualTo("abc");
        Event binaryKey = events.get(topic + "-0-1");
        assertThat(binaryKey.headers().first("X-Kafka-Key")).isEqualTo("/wAQ");
        assertThat(binaryKey.headers().first("X-Kafka-Key-Enc")).isEqualTo("b64");
        Event cloud = events.get("evt-9");
        assertThat(cloud.source()).isEqualTo("/shop");
        assertThat(cloud.type()).isEqualTo("order.created");
        assertThat(cloud.time()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(cloud.extension("tenant")).isEqualTo("acme");
        assertThat(cloud.dataContentType()).isEqualTo("application/json");
        assertThat(cloud.headers().first("X-Kafka-Offset")).isEqualTo("2");
        await().until(() ->
                MemoryDeadLetterStoreFactory.store("headers").letters().size() == 1);
        DeadLetter letter =
                MemoryDeadLetterStoreFactory.store("headers").letters().get(0);
        assertThat(letter.cause()).contains("ce_specversion");
        assertThat(letter.event().data().toString()).isEqualTo("old");
        await().until(() -> kafka.committed(group).equals(Map.of(0, 4L)));
    }

    @Test
    void pausesWhileTheSinkStallsAndCommitsOnlyPastSettledRecords() {
        String topic = kafka.createTopic("stall", 2);
        String group = KafkaFixture.unique("stall");
        start("stall", topic, group, ", max-inflight: 20");
        Scripted sink = ScriptedSinkFactory.sink("stall-out");
        Map<String, Runnable> held = new ConcurrentHashMap<>();
        sink.behave(holdInto(held));
        commits = new CommitSampler(kafka, group);

        kafka.fill(topic, 2, 150);

        await().until(() -> held.size() == 20);
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> held.size() == 20
                        && gauge("sluice_source_inflight", "stall-in") == 20
                        && gauge("sluice_source_waiting", "stall-in") <= 20
                        && kafka.committed(group).isEmpty());
        int blocked = partition(sink.received().get(0));
        Event blocker = sink.received().stream()
                .filter(e -> partition(e) == blocked)
                .min(Comparator.comparingLong(KafkaSourceIT::offset))
                .orElseThrow();
        long blockerOffset = offset(blocker);
        int free = 1 - blocked;
        sink.behave(e -> Future.succeededFuture(Delivery.done()));
        commits.nextPhase();
        held.forEach((id, release) -> {
            if (!id.equals(blocker.id())) {
                release.run();
            }
        });
        await().until(() -> ids(sink).size() == 300);
        await().until(() -> kafka.committed(group).getOrDefault(free, 0L) == 150L);
        await().during(Duration.ofSeconds(1))
                .until(() -> kafka.committed(group).getOrDefault(blocked, -1L) <= blockerOffset);
        commits.nextPhase();
        held.get(blocker.id()).run();
        await().until(() -> kafka.committed(group).equals(Map.of(0, 150L, 1, 150L)));
        commits.close();
        assertThat(commits.highestIn(1, blocked)).isLessThanOrEqualTo(blockerOffset);
        assertThat(commits.highestIn(1, free)).isEqualTo(150L);
        commits.assertNeverMovedBackwards();
    }

    /** Holds each send until the test runs its release, which completes it on the sink's context. */
    private static Function<Event, Future<Delivery>> holdInto(Map<String, Runnable> held) {
        return event -> {
            Context context = Vertx.currentContext();
            Promise<Delivery> promise = Promise.promise();
            held.put(event.id(), () -> context.runOnContext(v -> promise.tryComplete(Delivery.done())));
            return promise.future();
        };
    }

    private long gauge(String family, String source) {
        Object value = sluice.metrics()
                .getGauges()
                .get(MetricNames.name(family, "source", source))
                .getValue();
        return ((Number) value).longValue();
    }

    private static Set<String> ids(Scripted sink) {
        return sink.received().stream().map(Event::id).collect(Collectors.toSet());
    }

    private static int partition(Event event) {
        return Integer.parseInt(event.headers().first("X-Kafka-Partition"));
    }

    private static long offset(Event event) {
        return Long.parseLong(event.headers().first("X-Kafka-Offset"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
