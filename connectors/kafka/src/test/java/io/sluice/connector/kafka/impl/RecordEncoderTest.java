package io.sluice.connector.kafka.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.kafka.KafkaSinkSettings;
import io.sluice.event.Event;
import io.sluice.event.Headers;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class RecordEncoderTest {

    private static RecordEncoder encoder(String options) {
        JsonObject json = new JsonObject("{\"bootstrap-servers\":\"b:9092\"," + options + "}");
        return new RecordEncoder(KafkaSinkSettings.from(ComponentConfig.of("out", "kafka", json)));
    }

    private static Event.Builder event() {
        return Event.builder()
                .id("e1")
                .source("/s")
                .type("t")
                .subject("cust-7")
                .data(new JsonObject().put("customer", new JsonObject().put("id", 99)));
    }

    private static String key(ProducerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    @Test
    void aRecordReadByTheSourceIsWrittenUnderItsOwnKeyByDefault() {
        ConsumerRecord<byte[], byte[]> read = new ConsumerRecord<>("in", 0, 7, "cust-7".getBytes(), "{}".getBytes());

        ProducerRecord<byte[], byte[]> written =
                encoder("\"topic\":\"out\"").encode(new RecordDecoder("in").decode(read));

        assertThat(key(written)).isEqualTo("cust-7");
    }

    @Test
    void keyComesFromTheConfiguredPlace() {
        Event withPartitionKey = event().extension("partitionkey", "p-1").build();

        assertThat(key(encoder("\"topic\":\"t\"").encode(withPartitionKey))).isEqualTo("p-1");
        assertThat(key(encoder("\"topic\":\"t\"").encode(event().build()))).isNull();
        assertThat(key(encoder("\"topic\":\"t\",\"key\":\"subject\"").encode(event().build())))
                .isEqualTo("cust-7");
        assertThat(key(encoder("\"topic\":\"t\",\"key\":\"id\"").encode(event().build())))
                .isEqualTo("e1");
        assertThat(key(encoder("\"topic\":\"t\",\"key\":\"field:customer.id\"").encode(event().build())))
                .isEqualTo("99");
        assertThat(key(encoder("\"topic\":\"t\",\"key\":\"none\"").encode(withPartitionKey)))
                .isNull();
    }

    @Test
    void aMissingKeyFieldFailsTheEventNamingTheField() {
        RecordEncoder encoder = encoder("\"topic\":\"t\",\"key\":\"field:customer.email\"");

        assertThatThrownBy(() -> encoder.encode(event().build())).hasMessageContaining("customer.email");
    }

    @Test
    void anEventWithoutDataBecomesATombstoneInBinaryMode() {
        Event empty = Event.builder().id("e1").source("/s").type("t").build();

        ProducerRecord<byte[], byte[]> record = encoder("\"topic\":\"t\"").encode(empty);

        assertThat(record.value()).isNull();
        assertThat(record.headers().lastHeader("ce_id").value()).isEqualTo("e1".getBytes(StandardCharsets.UTF_8));
        assertThat(record.headers().lastHeader("content-type")).isNull();
    }

    @Test
    void transportHeadersAreNotWritten() {
        Event withHeaders = event().headers(
                        Headers.builder().add("Authorization", "Bearer secret").build())
                .build();

        ProducerRecord<byte[], byte[]> record = encoder("\"topic\":\"t\"").encode(withHeaders);

        assertThat(record.headers().lastHeader("Authorization")).isNull();
    }
}
