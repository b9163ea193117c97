package io.sluice.connector.nats.impl;

import io.nats.client.Message;
import io.sluice.connector.nats.JetStreamPullSource;
import io.sluice.connector.nats.PullSettings;
import io.sluice.event.Event;
import io.sluice.event.EventCodec;
import io.sluice.event.Headers;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.buffer.Buffer;

/**
 * {@code type: jetstream}: events from any JetStream stream. A message whose body is a CloudEvents
 * JSON envelope (content type {@code application/cloudevents+json}, or a body with {@code
 * specversion}) becomes that event; any other message becomes an event of type {@code
 * io.sluice.nats.message} with the body as data and the NATS headers as headers.
 */
final class JetStreamEventSource extends JetStreamPullSource {

    JetStreamEventSource(SourceContext sluice, PullSettings settings) {
        super(sluice, settings);
    }

    @Override
    protected Event decode(Message message) {
        Buffer body = Buffer.buffer(message.getData());
        String contentType = message.hasHeaders() ? message.getHeaders().getFirst("Content-Type") : null;
        boolean structured = contentType != null && contentType.startsWith("application/cloudevents+json");
        if (structured || looksLikeEnvelope(body)) {
            return EventCodec.decode(body);
        }
        Headers.Builder headers = Headers.builder();
        if (message.hasHeaders()) {
            message.getHeaders().entrySet().forEach(e -> e.getValue().forEach(v -> headers.add(e.getKey(), v)));
        }
        return Event.builder()
                .id(settings.stream() + "-" + sequence(message))
                .source("/sources/" + name())
                .type("io.sluice.nats.message")
                .subject(message.getSubject())
                .dataContentType(contentType)
                .extension("position", Long.toString(sequence(message)))
                .headers(headers.build())
                .data(body)
                .build();
    }

    private static boolean looksLikeEnvelope(Buffer body) {
        int limit = Math.min(body.length(), 256);
        return body.length() > 0
                && body.getByte(0) == '{'
                && body.getString(0, limit).contains("\"specversion\"");
    }
}
