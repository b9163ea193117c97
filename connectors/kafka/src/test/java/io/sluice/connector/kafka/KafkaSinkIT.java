package io.sluice.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connector.kafka.testing.KafkaFixture;
import io.sluice.connector.kafka.testing.Sluices;
import io.sluice.deadletter.DeadLetter;
import io.sluice.event.Event;
import io.sluice.pipeline.Outcome;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ManualSourceFactory;
import io.sluice.testing.MemoryDeadLetterStoreFactory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kafka sink against the broker {@code scripts/kafka.sh} runs, read back with a plain consumer. */
class KafkaSinkIT {

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

    private void start(String name, String sinkOptions) {
        sluice = Sluices.start(
                vertx,
                name,
                "sources: [{name: " + name + "-in, type: manual}]\n"
                        + "sinks: [{name: " + name + "-out, type: kafka, bootstrap-servers: '" + kafka.bootstrap()
                        + "', retry: {max-attempts: 1}, " + sinkOptions + "}]\n"
                        + "routes: [{name: " + name + ", from: " + name + "-in, to: " + name + "-out}]\n");
    }

    private static Event.Builder order() {
        return Event.builder()
                .id("order-17")
                .source("/shop")
                .type("order.created")
                .subject("cust-7")
                .time(Instant.parse("2024-05-01T10:00:00Z"))
                .extension("tenant", "acme")
                .data(new JsonObject().put("total", 12).put("route", new JsonObject().put("topic", "unused")));
    }

    @Test
    void writesBinaryModeCloudEventsThatAPlainConsumerReads() {
        String topic = kafka.createTopic("binary", 1);
        start("binary", "topic: " + topic + ", key: subject");

        Outcome outcome = Await.result(ManualSourceFactory.context("binary-in").dispatch(order().build()));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        ConsumerRecord<byte[], byte[]> record = only(kafka.read(topic, 1));
        assertThat(text(record.key())).isEqualTo("cust-7");
        assertThat(new JsonObject(text(record.value())))
                .isEqualTo(new JsonObject("{\"total\":12,\"route\":{\"topic\":\"unused\"}}"));
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo("order-17");
        assertThat(header(record, "ce_source")).isEqualTo("/shop");
        assertThat(header(record, "ce_type")).isEqualTo("order.created");
        assertThat(header(record, "ce_subject")).isEqualTo("cust-7");
        assertThat(header(record, "ce_time")).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(header(record, "ce_tenant")).isEqualTo("acme");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }

    @Test
    void structuredModeWritesTheEventAsJsonToTheTopicNamedInItsData() {
        String topic = kafka.createTopic("structured", 1);
        start("structured", "topic-field: route.topic, mode: structured, key: field:total");
        Event event = order().data(new JsonObject().put("total", 12).put("route", new JsonObject().put("topic", topic)))
                .build();

        Outcome outcome =
                Await.result(ManualSourceFactory.context("structured-in").dispatch(event));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        ConsumerRecord<byte[], byte[]> record = only(kafka.read(topic, 1));
        assertThat(text(record.key())).isEqualTo("12");
        assertThat(header(record, "content-type")).startsWith("application/cloudevents+json");
        JsonObject envelope = new JsonObject(text(record.value()));
        assertThat(envelope.getString("specversion")).isEqualTo("1.0");
        assertThat(envelope.getString("id")).isEqualTo("order-17");
        assertThat(envelope.getString("tenant")).isEqualTo("acme");
        assertThat(envelope.getJsonObject("data").getInteger("total")).isEqualTo(12);
        assertThat(envelope.containsKey("headers")).isFalse();
    }

    @Test
    void anEventWithoutItsTopicFieldIsDeadLetteredWithTheCause() {
        start("notopic", "topic-field: route.name");

        Outcome outcome = Await.result(ManualSourceFactory.context("notopic-in").dispatch(order().build()));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        DeadLetter letter =
                MemoryDeadLetterStoreFactory.store("notopic").letters().get(0);
        assertThat(letter.cause()).contains("route.name");
        assertThat(letter.sink()).isEqualTo("notopic-out");
    }

    private static ConsumerRecord<byte[], byte[]> only(List<ConsumerRecord<byte[], byte[]>> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
