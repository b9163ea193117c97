package io.sluice.connector.openfaas.impl;

import io.nats.client.Message;
import io.sluice.connector.nats.JetStreamPullSource;
import io.sluice.connector.nats.PullSettings;
import io.sluice.connector.openfaas.OpenFaasEvents;
import io.sluice.connector.openfaas.wire.QueueRequest;
import io.sluice.event.Event;
import io.sluice.pipeline.SourceContext;
import java.time.Instant;

/**
 * {@code type: openfaas-queue}: the gateway's async invocations from JetStream, in the exact
 * OpenFaaS wire format (QueueRequest JSON, pre-2023 and current forms).
 *
 * <p>The event keeps the message bytes as its data, so what reaches the function sink is what the
 * gateway queued; decoding here only checks the message, so that a malformed one (not JSON, bad
 * base64, no {@code Function}) is dead-lettered with its cause instead of failing at the sink.
 */
final class QueueSource extends JetStreamPullSource {

    QueueSource(SourceContext sluice, PullSettings settings) {
        super(sluice, settings);
    }

    @Override
    protected Event decode(Message message) {
        QueueRequest request = QueueRequest.decode(message.getData());
        long sequence = sequence(message);
        return Event.builder()
                .id(request.callId().orElse(settings.stream() + "-" + sequence))
                .source("/sources/" + name())
                .type(OpenFaasEvents.INVOCATION)
                .subject(request.function())
                .time(startTime(request))
                .dataContentType("application/json")
                .dataSchema(OpenFaasEvents.QUEUE_REQUEST_SCHEMA)
                .extension("position", Long.toString(sequence))
                .data(message.getData())
                .build();
    }

    /** The gateway's {@code X-Start-Time} (Unix nanoseconds), or now. */
    private static Instant startTime(QueueRequest request) {
        try {
            long nanos = Long.parseLong(request.header("X-Start-Time").orElse(""));
            return Instant.ofEpochSecond(0, nanos);
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }
}
