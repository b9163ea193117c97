package io.sluice.connector.nats.impl;

import io.nats.client.api.RetentionPolicy;
import io.sluice.config.ComponentConfig;
import io.sluice.connector.nats.NatsConnection;
import io.sluice.connector.nats.Streams;
import io.sluice.deadletter.DeadLetterStore;
import io.sluice.pipeline.ComponentContext;
import io.sluice.spi.DeadLetterStoreFactory;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code dead-letter: {type: jetstream}}: letters in a JetStream stream, the default. */
public final class JetStreamDeadLetterStoreFactory implements DeadLetterStoreFactory {

    private static final Logger LOG = LoggerFactory.getLogger(JetStreamDeadLetterStoreFactory.class);

    @Override
    public String type() {
        return "jetstream";
    }

    @Override
    public Future<DeadLetterStore> open(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(Set.of("stream", "subject", "max-age", "replicas"));
        String stream = config.string("stream", "sluice-dead-letters");
        String subject = config.string("subject", "sluice.dead-letters");
        Duration maxAge = config.duration("max-age", Duration.ofDays(14));
        int replicas = config.integer("replicas", 1, 1, 5);
        return NatsConnection.shared(context)
                .compose(nats -> context.vertx().executeBlocking(() -> {
                    Streams.ensure(
                            nats.management(),
                            stream,
                            List.of(subject + ".>"),
                            RetentionPolicy.Limits,
                            maxAge,
                            replicas);
                    LOG.info(
                            "Dead letters go to JetStream stream '{}' subject '{}.<source>' (kept {})",
                            stream,
                            subject,
                            maxAge);
                    return new JetStreamDeadLetterStore(context.vertx(), nats, nats.jetStream(), stream, subject);
                }));
    }
}
