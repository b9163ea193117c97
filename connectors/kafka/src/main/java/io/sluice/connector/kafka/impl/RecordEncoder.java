package io.sluice.connector.kafka.impl;

import io.sluice.connector.kafka.KafkaSinkSettings;
import io.sluice.event.Event;
import io.sluice.event.EventCodec;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns an event into a Kafka record by the CloudEvents Kafka binding. In binary mode the value is
 * the data (none for an event without data, which the binding makes a tombstone), each attribute a
 * {@code ce_} header and the data content type the {@code content-type} header. In structured mode
 * the value is the event in the JSON format, with {@code content-type:
 * application/cloudevents+json; charset=UTF-8}. The event's transport headers are not written:
 * they may hold credentials of the hop it arrived by.
 */
final class RecordEncoder {

    static final String STRUCTURED_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final KafkaSinkSettings settings;

    RecordEncoder(KafkaSinkSettings settings) {
        this.settings = settings;
    }

    /**
     * Builds the record.
     *
     * @throws IllegalArgumentException when the topic or key field is missing or the data is not JSON
     */
    ProducerRecord<byte[], byte[]> encode(Event event) {
        JsonObject data = settings.topicField() != null || settings.key().startsWith("field:") ? json(event) : null;
        String topic =
                settings.topic() != null ? settings.topic() : FieldPath.text(data, settings.topicField(), "topic");
        String key = key(event, data);
        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        if (settings.structured()) {
            JsonObject envelope = EventCodec.toJson(event);
            envelope.remove("headers");
            header(headers, "content-type", STRUCTURED_TYPE);
            value = envelope.toBuffer().getBytes();
        } else {
            binaryHeaders(headers, event);
            value = event.data().length() == 0 ? null : event.data().getBytes();
        }
        return new ProducerRecord<>(
                topic, null, null, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, headers);
    }

    private String key(Event event, JsonObject data) {
        String key = settings.key();
        if (key.equals("none")) {
            return null;
        } else if (key.equals("subject")) {
            return event.subject();
        } else if (key.equals("id")) {
            return event.id();
        } else if (key.startsWith("extension:")) {
            return event.extension(key.substring("extension:".length()));
        }
        return FieldPath.text(data, key.substring("field:".length()), "key");
    }

    private static void binaryHeaders(RecordHeaders headers, Event event) {
        header(headers, "ce_specversion", Event.SPEC_VERSION);
        header(headers, "ce_id", event.id());
        header(headers, "ce_source", event.source());
        header(headers, "ce_type", event.type());
        header(headers, "ce_subject", event.subject());
        header(headers, "ce_time", event.time() == null ? null : event.time().toString());
        header(headers, "ce_dataschema", event.dataSchema());
        event.extensions().forEach((name, value) -> header(headers, "ce_" + name, value));
        header(headers, "content-type", event.dataContentType());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static JsonObject json(Event event) {
        try {
            return event.dataAsJson();
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("the event's data is not a JSON object: " + e.getMessage(), e);
        }
    }
}
