package io.sluice.connector.cron.impl;

import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.sluice.connector.nats.NatsConnection;
import io.sluice.event.Event;
import io.sluice.event.EventCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where every replica puts each tick: a JetStream stream, with the tick id as {@code Nats-Msg-Id} so
 * that the stream keeps the first copy and acknowledges the others as duplicates.
 *
 * <p>Used from the source's context only.
 */
final class TickJournal {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);

    private final Context context;
    private final NatsConnection nats;
    private final CronSettings settings;
    private JetStream jetStream;

    TickJournal(Context context, NatsConnection nats, CronSettings settings) {
        this.context = context;
        this.nats = nats;
        this.settings = settings;
    }

    /** Creates or widens the stream with a window that fits the schedule; see {@link TickStream}. */
    Future<Duration> open(Duration wanted) {
        return context.executeBlocking(() -> {
            Duration applied = TickStream.ensure(
                    nats.management(),
                    settings.pull().stream(),
                    settings.pull().subject(),
                    settings.captured(),
                    wanted);
            jetStream = nats.jetStream();
            return applied;
        });
    }

    /**
     * Publishes a tick under its id and completes with the stream's acknowledgement; {@link
     * PublishAck#isDuplicate()} tells that another replica journaled it first. Fails when the stream
     * does not acknowledge within 5 s; publishing again with the same id is then safe.
     */
    Future<PublishAck> append(Event tick) {
        PublishOptions options = PublishOptions.builder()
                .messageId(tick.id())
                // Fails the publish rather than journal into a stream this source does not consume.
                .expectedStream(settings.pull().stream())
                .build();
        try {
            return Future.fromCompletionStage(
                            jetStream.publishAsync(
                                    settings.pull().subject(),
                                    EventCodec.encode(tick).getBytes(),
                                    options),
                            context)
                    .timeout(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // jnats throws at once when the connection is closed.
            return Future.failedFuture(e);
        }
    }
}
