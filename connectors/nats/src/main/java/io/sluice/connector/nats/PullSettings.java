package io.sluice.connector.nats;

import io.sluice.config.ComponentConfig;
import java.time.Duration;
import java.util.Set;

/**
 * How a JetStream pull source consumes: stream, filter subject, durable consumer, and the bounds
 * on messages in flight. Option names follow the OpenFaaS queue-worker's ({@code max_inflight},
 * {@code ack_wait}) in Sluice's kebab-case.
 *
 * @param stream the stream to consume
 * @param subject the filter subject; wildcards allowed
 * @param durable the durable consumer every replica shares
 * @param createStream whether to create the stream (work-queue retention) when absent
 * @param maxInflight messages held unacknowledged at most, per replica
 * @param ackWait the consumer's ack wait; a lease Sluice extends while a message is in flight
 * @param fetchBatch messages asked for per pull, at most
 * @param fetchWait how long one pull request stays open; messages are handed on as they arrive,
 *     so this bounds how often an idle source asks again, not how long a message waits
 */
public record PullSettings(
        String stream,
        String subject,
        String durable,
        boolean createStream,
        int maxInflight,
        Duration ackWait,
        int fetchBatch,
        Duration fetchWait) {

    /** The option names {@link #from} reads, for a factory's {@code rejectUnknown}. */
    public static final Set<String> KEYS = Set.of(
            "stream", "subject", "durable", "create-stream", "max-inflight", "ack-wait", "fetch-batch", "fetch-wait");

    /** Reads the options, with the given defaults for stream, subject and durable. */
    public static PullSettings from(
            ComponentConfig config, String stream, String subject, String durable, int maxInflight) {
        return new PullSettings(
                config.string("stream", stream),
                config.string("subject", subject),
                config.string("durable", durable),
                config.bool("create-stream", true),
                config.integer("max-inflight", maxInflight, 1, 10_000),
                config.positiveDuration("ack-wait", Duration.ofSeconds(60)),
                config.integer("fetch-batch", 50, 1, 1000),
                config.positiveDuration("fetch-wait", Duration.ofSeconds(1)));
    }
}
