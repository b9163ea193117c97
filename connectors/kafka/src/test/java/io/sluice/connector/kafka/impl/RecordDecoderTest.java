package io.sluice.connector.kafka.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.event.Event;
import io.sluice.event.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {

    private final RecordDecoder decoder = new RecordDecoder("orders");

    private static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(
                "shop",
                3,
                42,
                1_700_000_000_000L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key,
                value,
                headers,
                Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainRecordBecomesAnEventNamedByItsPlace() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", bytes("text/plain"));

        Event event = decoder.decode(record(bytes("k"), bytes("hello"), headers));

        assertThat(event.id()).isEqualTo("shop-3-42");
        assertThat(event.source()).isEqualTo("/sources/orders");
        assertThat(event.type()).isEqualTo(RecordDecoder.RECORD_TYPE);
        assertThat(event.subject()).isEqualTo("shop");
        assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(event.extension("position")).isEqualTo("42");
        assertThat(event.dataContentType()).isEqualTo("text/plain");
        assertThat(event.data().toString()).isEqualTo("hello");
        assertThat(event.headers().first("X-Kafka-Content-Type")).isEqualTo("text/plain");
    }

    @Test
    void binaryKeysAndHeaderValuesAreBase64WithAnEncodingFlag() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("blob", new byte[] {(byte) 0xc3, 0x28});
        headers.add("tag", bytes("a"));
        headers.add("tag", bytes("b"));

        Event event = decoder.decode(record(new byte[] {(byte) 0xff}, null, headers));

        assertThat(event.headers().first("X-Kafka-Key")).isEqualTo("/w==");
        assertThat(event.headers().first("X-Kafka-Key-Enc")).isEqualTo("b64");
        assertThat(event.headers().first("X-Kafka-blob")).isEqualTo("wyg=");
        assertThat(event.headers().first("X-Kafka-blob-Enc")).isEqualTo("b64");
        assertThat(event.headers().all("X-Kafka-tag")).containsExactly("a", "b");
        assertThat(event.data().length()).isZero();
    }

    @Test
    void recordWithoutKeyHasNoKeyHeader() {
        Event event = decoder.decode(record(null, bytes("x"), new RecordHeaders()));

        assertThat(event.headers().contains("X-Kafka-Key")).isFalse();
        assertThat(event.headers().first("X-Topic")).isEqualTo("shop");
        assertThat(event.headers().first("X-Kafka-Partition")).isEqualTo("3");
    }

    @Test
    void structuredModeRecordBecomesTheEventItCarries() {
        Event original = Event.builder()
                .id("e1")
                .source("/s")
                .type("t")
                .data(bytes("{\"a\":1}"))
                .build();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", bytes("application/cloudevents+json; charset=UTF-8"));

        Event event = decoder.decode(record(null, EventCodec.encode(original).getBytes(), headers));

        assertThat(event.id()).isEqualTo("e1");
        assertThat(event.source()).isEqualTo("/s");
        assertThat(event.headers().first("X-Kafka-Offset")).isEqualTo("42");
    }

    @Test
    void binaryModeRecordWithoutRequiredAttributeIsRejectedNamingIt() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes("e1"));
        headers.add("ce_source", bytes("/s"));

        assertThatThrownBy(() -> decoder.decode(record(null, bytes("{}"), headers)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type");
    }

    @Test
    void binaryModeRecordWithABadTimeIsRejected() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes("e1"));
        headers.add("ce_source", bytes("/s"));
        headers.add("ce_type", bytes("t"));
        headers.add("ce_time", bytes("yesterday"));

        assertThatThrownBy(() -> decoder.decode(record(null, bytes("{}"), headers)))
                .hasMessageContaining("ce_time");
    }

    @Test
    void aTextKeyBecomesThePartitionKeyExtensionAndABinaryKeyDoesNot() {
        Event keyed = decoder.decode(record(bytes("cust-7"), bytes("x"), new RecordHeaders()));
        Event binary = decoder.decode(record(new byte[] {(byte) 0xff}, bytes("x"), new RecordHeaders()));
        Event unkeyed = decoder.decode(record(null, bytes("x"), new RecordHeaders()));

        assertThat(keyed.extension("partitionkey")).isEqualTo("cust-7");
        assertThat(binary.extension("partitionkey")).isNull();
        assertThat(unkeyed.extension("partitionkey")).isNull();
    }

    @Test
    void aCloudEventsPartitionKeyWinsOverTheRecordKey() {
        RecordHeaders binaryMode = new RecordHeaders();
        binaryMode.add("ce_specversion", bytes("1.0"));
        binaryMode.add("ce_id", bytes("e1"));
        binaryMode.add("ce_source", bytes("/s"));
        binaryMode.add("ce_type", bytes("t"));
        RecordHeaders withPartitionKey = new RecordHeaders(binaryMode.toArray());
        withPartitionKey.add("ce_partitionkey", bytes("from-header"));
        Event structured = Event.builder()
                .id("e2")
                .source("/s")
                .type("t")
                .extension("partitionkey", "from-value")
                .build();
        RecordHeaders structuredMode = new RecordHeaders();
        structuredMode.add("content-type", bytes("application/cloudevents+json"));

        assertThat(decoder.decode(record(bytes("k"), bytes("{}"), binaryMode)).extension("partitionkey"))
                .isEqualTo("k");
        assertThat(decoder.decode(record(bytes("k"), bytes("{}"), withPartitionKey))
                        .extension("partitionkey"))
                .isEqualTo("from-header");
        assertThat(decoder.decode(
                                record(bytes("k"), EventCodec.encode(structured).getBytes(), structuredMode))
                        .extension("partitionkey"))
                .isEqualTo("from-value");
    }
}
