package io.sluice.connector.kafka.impl;

import io.sluice.connector.kafka.KafkaSinkSettings;
import io.sluice.event.Event;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Sink;
import io.sluice.pipeline.SinkException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaWriteStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: kafka}: writes each event as one record, by the CloudEvents Kafka binding (see {@link
 * RecordEncoder}); a send succeeds once the broker acknowledged it ({@code acks=all} by default).
 * Dead letters are the core's: a record that finally fails goes to the dead-letter store with its
 * cause, not to a Kafka topic.
 */
final class KafkaSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    private static final long CLOSE_TIMEOUT_MS = 5_000;

    private final String name;
    private final KafkaSinkSettings settings;
    private final RecordEncoder encoder;
    private KafkaWriteStream<byte[], byte[]> producer;

    KafkaSink(String name, KafkaSinkSettings settings) {
        this.name = name;
        this.settings = settings;
        this.encoder = new RecordEncoder(settings);
    }

    @Override
    public Future<Void> start(Vertx vertx) {
        // The native producer reads its configuration and starts its I/O thread: off the event loop.
        return vertx.executeBlocking(() -> createProducer(vertx)).map(created -> {
            producer = created;
            // Each failure also reaches the send's future, which the core handles; this only keeps
            // it out of the context's unhandled-exception report.
            producer.exceptionHandler(failure -> LOG.debug("Sink '{}' send failed: {}", name, failure.toString()));
            LOG.info(
                    "Sink '{}' producing to {} on '{}' ({} mode, key {})",
                    name,
                    settings.topic() != null
                            ? "topic '" + settings.topic() + "'"
                            : "field '" + settings.topicField() + "'",
                    settings.bootstrapServers(),
                    settings.structured() ? "structured" : "binary",
                    settings.key());
            return null;
        });
    }

    private KafkaWriteStream<byte[], byte[]> createProducer(Vertx vertx) {
        try {
            return KafkaWriteStream.create(
                    vertx, settings.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "sink '" + name + "' cannot create its Kafka producer: " + ClientFailures.describe(e), e);
        }
    }

    @Override
    public Future<Delivery> send(Event event) {
        ProducerRecord<byte[], byte[]> record;
        try {
            record = encoder.encode(event);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(SinkException.permanent("kafka sink '" + name + "': " + e.getMessage(), e));
        }
        return producer.send(record)
                .transform(sent -> sent.succeeded()
                        ? Future.succeededFuture(Delivery.done())
                        : Future.failedFuture(SendFailures.classify(name, record.topic(), sent.cause())));
    }

    @Override
    public Future<Void> stop() {
        return producer == null ? Future.succeededFuture() : producer.close(CLOSE_TIMEOUT_MS);
    }
}
