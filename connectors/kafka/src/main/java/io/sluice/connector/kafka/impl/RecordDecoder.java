package io.sluice.connector.kafka.impl;

import io.sluice.connector.kafka.KafkaHeaders;
import io.sluice.event.Event;
import io.sluice.event.EventCodec;
import io.sluice.event.Headers;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a Kafka record into an event, following the CloudEvents Kafka binding:
 *
 * <ul>
 *   <li>binary mode ({@code ce_specversion} header): the {@code ce_} headers are the attributes,
 *       {@code content-type} the data content type, the value the data;
 *   <li>structured mode ({@code content-type: application/cloudevents+json}): the value is the event;
 *   <li>any other record: an event of type {@code io.sluice.kafka.record}, id {@code
 *       <topic>-<partition>-<offset>}, subject the topic, extension {@code position} the offset.
 * </ul>
 *
 * Every event carries the record's place and key and its other headers as {@link KafkaHeaders}.
 * A text key (valid UTF-8) also becomes the {@code partitionkey} extension, unless a CloudEvents
 * record sets one: the partitioning extension the binding's key mapper reads, so a {@code kafka}
 * sink writes the record under the same key by default and a keyed topic keeps its keys (and its
 * per-key order) through Sluice. A binary key is only in {@link KafkaHeaders#KEY}, base64-encoded.
 */
final class RecordDecoder {

    static final String RECORD_TYPE = "io.sluice.kafka.record";
    private static final String CE_PREFIX = "ce_";
    private static final String CONTENT_TYPE = "content-type";
    private static final String PARTITION_KEY = "partitionkey";

    private final String source;

    RecordDecoder(String sourceName) {
        this.source = "/sources/" + sourceName;
    }

    /**
     * Decodes the record.
     *
     * @throws IllegalArgumentException naming what is wrong with a CloudEvents record
     */
    Event decode(ConsumerRecord<byte[], byte[]> record) {
        String key = record.key() == null ? null : text(record.key());
        Headers headers = transportHeaders(record, key);
        String contentType = lastHeader(record, CONTENT_TYPE);
        if (lastHeader(record, CE_PREFIX + "specversion") != null) {
            return binary(record, headers, contentType, key);
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents+json")) {
            Event event = EventCodec.decode(Buffer.buffer(value(record)));
            Headers.Builder merged = event.headers().toBuilder();
            headers.forEach((name, values) -> values.forEach(v -> merged.add(name, v)));
            Event.Builder builder = event.toBuilder().headers(merged.build());
            if (event.extension(PARTITION_KEY) == null) {
                builder.extension(PARTITION_KEY, key);
            }
            return builder.build();
        }
        return Event.builder()
                .id(record.topic() + "-" + record.partition() + "-" + record.offset())
                .source(source)
                .type(RECORD_TYPE)
                .subject(record.topic())
                .time(record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : null)
                .dataContentType(contentType)
                .extension("position", Long.toString(record.offset()))
                .extension(PARTITION_KEY, key)
                .headers(headers)
                .data(value(record))
                .build();
    }

    /** The record as an event that keeps its bytes, to dead-letter when it cannot be decoded. */
    Event undecodable(ConsumerRecord<byte[], byte[]> record) {
        return Event.builder()
                .id(record.topic() + "-" + record.partition() + "-" + record.offset())
                .source(source)
                .type("io.sluice.undecodable")
                .subject(record.topic())
                .dataContentType("application/octet-stream")
                .extension("position", Long.toString(record.offset()))
                .headers(transportHeaders(record, record.key() == null ? null : text(record.key())))
                .data(value(record))
                .build();
    }

    private Event binary(ConsumerRecord<byte[], byte[]> record, Headers headers, String contentType, String key) {
        String version = lastHeader(record, CE_PREFIX + "specversion");
        if (!Event.SPEC_VERSION.equals(version)) {
            throw new IllegalArgumentException("header 'ce_specversion' must be 1.0, got '" + version + "'");
        }
        // A ce_partitionkey header, read below, overrides the key.
        Event.Builder event =
                Event.builder().time(null).dataContentType(contentType).extension(PARTITION_KEY, key);
        for (Header header : record.headers()) {
            String name = header.key().toLowerCase(Locale.ROOT);
            if (!name.startsWith(CE_PREFIX) || header.value() == null) {
                continue;
            }
            String value = new String(header.value(), StandardCharsets.UTF_8);
            attribute(event, name.substring(CE_PREFIX.length()), value);
        }
        return event.headers(headers).data(value(record)).build();
    }

    private static void attribute(Event.Builder event, String attribute, String value) {
        switch (attribute) {
            case "specversion":
                break;
            case "id":
                event.id(value);
                break;
            case "source":
                event.source(value);
                break;
            case "type":
                event.type(value);
                break;
            case "subject":
                event.subject(value);
                break;
            case "dataschema":
                event.dataSchema(value);
                break;
            case "time":
                event.time(time(value));
                break;
            default:
                event.extension(attribute, value);
        }
    }

    private static Instant time(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("header 'ce_time' must be an RFC 3339 time, got '" + value + "'", e);
        }
    }

    /** The record's place, key ({@code key}: its text, or {@code null} when binary) and headers. */
    private static Headers transportHeaders(ConsumerRecord<byte[], byte[]> record, String key) {
        Headers.Builder headers = Headers.builder()
                .add(KafkaHeaders.TOPIC, record.topic())
                .add(KafkaHeaders.CONNECTOR_TOPIC, record.topic())
                .add(KafkaHeaders.PARTITION, Integer.toString(record.partition()))
                .add(KafkaHeaders.OFFSET, Long.toString(record.offset()));
        if (key != null) {
            headers.add(KafkaHeaders.KEY, key);
        } else if (record.key() != null) {
            addText(headers, KafkaHeaders.KEY, record.key());
        }
        for (Header header : record.headers()) {
            if (!header.key().toLowerCase(Locale.ROOT).startsWith(CE_PREFIX) && header.value() != null) {
                addText(headers, KafkaHeaders.HEADER_PREFIX + header.key(), header.value());
            }
        }
        return headers.build();
    }

    /** Adds the bytes as text, or as base64 flagged by a {@code -Enc: b64} companion when not UTF-8. */
    private static void addText(Headers.Builder headers, String name, byte[] bytes) {
        String text = text(bytes);
        if (text != null) {
            headers.add(name, text);
        } else {
            headers.add(name, Base64.getEncoder().encodeToString(bytes));
            headers.set(name + KafkaHeaders.ENCODING_SUFFIX, KafkaHeaders.BASE64);
        }
    }

    /** The bytes as text, or {@code null} when they are not valid UTF-8. */
    private static String text(byte[] bytes) {
        if (ascii(bytes)) {
            // The common case (ids, keys, content types): no decoder needed.
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String lastHeader(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] value(ConsumerRecord<byte[], byte[]> record) {
        return record.value() == null ? new byte[0] : record.value();
    }
}
