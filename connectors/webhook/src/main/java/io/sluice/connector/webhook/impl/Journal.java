package io.sluice.connector.webhook.impl;

import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.sluice.connector.nats.NatsConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;

/**
 * Where a journaled HTTP source puts an accepted delivery before answering 2xx: a JetStream stream,
 * with JetStream's message deduplication keyed by the delivery id.
 *
 * <p>Thread-safe: publishes may start on any event loop; each completes on the caller's context.
 */
final class Journal {

    private final Vertx vertx;
    private final NatsConnection nats;
    private final IntakeSettings settings;
    private volatile JetStream jetStream;

    Journal(Vertx vertx, NatsConnection nats, IntakeSettings settings) {
        this.vertx = vertx;
        this.nats = nats;
        this.settings = settings;
    }

    /** Creates or widens the stream; see {@link JournalStream}. */
    Future<Void> open() {
        return vertx.executeBlocking(() -> {
            JournalStream.ensure(
                    nats.management(),
                    settings.pull().stream(),
                    settings.pull().subject(),
                    settings.captured(),
                    settings.dedupeWindow());
            jetStream = nats.jetStream();
            return null;
        });
    }

    /**
     * Publishes an envelope under a message id ({@code Nats-Msg-Id}) and completes with the
     * stream's acknowledgement, whose {@link PublishAck#isDuplicate()} tells that the id was
     * already journaled within the duplicate window. Fails when the stream does not acknowledge
     * within {@code publish-timeout}: the envelope may or may not be stored, and the sender's retry
     * with the same id settles which.
     */
    Future<PublishAck> append(String messageId, Buffer envelope) {
        PublishOptions options = PublishOptions.builder()
                .messageId(messageId)
                // Fails the publish rather than journal into a stream this source does not consume.
                .expectedStream(settings.pull().stream())
                .build();
        Future<PublishAck> ack;
        try {
            ack = Future.fromCompletionStage(
                    jetStream.publishAsync(settings.pull().subject(), envelope.getBytes(), options),
                    vertx.getOrCreateContext());
        } catch (RuntimeException e) {
            // jnats throws at once when the connection is closed.
            return Future.failedFuture(e);
        }
        return ack.timeout(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The largest message the NATS server takes, in bytes. */
    long maxPayload() {
        return nats.connection().getMaxPayload();
    }
}
