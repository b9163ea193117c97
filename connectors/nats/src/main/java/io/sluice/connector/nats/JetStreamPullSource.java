package io.sluice.connector.nats;

import com.codahale.metrics.Counter;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.RetentionPolicy;
import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes a JetStream stream through a durable pull consumer with explicit acks, and settles each
 * message only when its event has: ack once every output settled, nak (redeliver later) when one
 * could be neither delivered nor dead-lettered.
 *
 * <h2>Bounds</h2>
 * It pulls only as many messages as both its own {@code max-inflight} and the routes it feeds have
 * room for, so a stalled sink stops the pulling. Every replica shares the durable consumer, so
 * JetStream spreads messages across replicas.
 *
 * <h2>Ack deadline</h2>
 * While a message is in flight its ack deadline is extended ({@code +WPI}) every third of {@code
 * ack-wait}, so a function that runs longer than {@code ack-wait} is never redelivered to a second
 * worker; if this process dies, the lease lapses and the message comes back.
 *
 * <p>Subclasses decode messages; a message that cannot be decoded is dead-lettered with its cause
 * and acknowledged, and the consumer goes on.
 */
public abstract class JetStreamPullSource extends Source {

    private static final Logger LOG = LoggerFactory.getLogger(JetStreamPullSource.class);
    private static final Duration NAK_DELAY = Duration.ofSeconds(5);

    protected final PullSettings settings;
    private final Set<Message> inflight = new LinkedHashSet<>();
    private final Counter processed;
    private NatsConnection nats;
    private JetStreamSubscription subscription;
    private Promise<Void> room;
    private long heartbeat = -1;
    private long pendingPoll = -1;
    private volatile long pending;
    private volatile boolean running;

    protected JetStreamPullSource(SourceContext sluice, PullSettings settings) {
        super(sluice);
        this.settings = settings;
        String pod = System.getenv().getOrDefault("HOSTNAME", "");
        this.processed = sluice.components()
                .metrics()
                .counter(MetricNames.name(
                        "queue_worker_messages_processed_total",
                        "queue_name",
                        settings.stream(),
                        "kubernetes_pod_name",
                        pod));
        sluice.components()
                .metrics()
                .gauge(
                        MetricNames.name("queue_worker_pending_messages", "queue_name", settings.stream()),
                        () -> () -> pending);
        sluice.components()
                .metrics()
                .gauge(MetricNames.name("sluice_source_inflight", "source", sluice.sourceName()), () -> inflight::size);
    }

    /**
     * Turns a message into an event.
     *
     * @throws RuntimeException with a message naming what is wrong; the message is dead-lettered
     */
    protected abstract Event decode(Message message);

    @Override
    public Future<?> start() {
        return NatsConnection.shared(sluice.components())
                .compose(connection -> {
                    this.nats = connection;
                    connection.onConnectedChange(sluice::connected);
                    return vertx.executeBlocking(this::subscribe);
                })
                .onSuccess(sub -> {
                    this.subscription = sub;
                    this.running = true;
                    sluice.connected(nats.connected());
                    long beat = Math.max(500, settings.ackWait().toMillis() / 3);
                    heartbeat = vertx.setPeriodic(beat, t -> extendLeases());
                    pendingPoll = vertx.setPeriodic(5000, t -> pollPending());
                    LOG.info(
                            "Source '{}' consuming stream '{}' subject '{}' as durable '{}' (max-inflight {},"
                                    + " ack-wait {} ms)",
                            name(),
                            settings.stream(),
                            settings.subject(),
                            settings.durable(),
                            settings.maxInflight(),
                            settings.ackWait().toMillis());
                    pull();
                });
    }

    private JetStreamSubscription subscribe() throws IOException, JetStreamApiException {
        JetStreamManagement jsm = nats.management();
        if (settings.createStream()) {
            Streams.ensure(
                    jsm, settings.stream(), List.of(settings.subject()), RetentionPolicy.WorkQueue, Duration.ZERO, 1);
        }
        ConsumerConfiguration consumer = ConsumerConfiguration.builder()
                .durable(settings.durable())
                .filterSubject(settings.subject())
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .ackWait(settings.ackWait())
                .maxDeliver(-1)
                .build();
        PullSubscribeOptions options = PullSubscribeOptions.builder().stream(settings.stream())
                .configuration(consumer)
                .build();
        return nats.jetStream().subscribe(settings.subject(), options);
    }

    @Override
    public Future<?> stop() {
        running = false;
        vertx.cancelTimer(heartbeat);
        vertx.cancelTimer(pendingPoll);
        JetStreamSubscription sub = subscription;
        // Messages still in flight are neither acked nor nacked: their lease lapses after ack-wait
        // and JetStream redelivers them, to this replica after a restart or to another one.
        return sub == null
                ? Future.succeededFuture()
                : vertx.executeBlocking(() -> {
                    sub.unsubscribe();
                    return null;
                });
    }

    private void pull() {
        if (!running) {
            return;
        }
        int free = Math.min(settings.maxInflight() - inflight.size(), sluice.capacity());
        // Refill in batches: pulling one message each time a slot frees turns every ack into a
        // round trip to the server; wait until half a batch is free while work is in flight.
        int threshold = Math.max(1, Math.min(settings.fetchBatch(), settings.maxInflight()) / 2);
        if (free <= 0 || (free < threshold && !inflight.isEmpty())) {
            // Capacity frees on a route's event loop; pull again on this source's own.
            waitForRoom().onComplete(v -> context.runOnContext(x -> pull()));
            return;
        }
        int batch = Math.min(free, settings.fetchBatch());
        vertx.executeBlocking(() -> receive(batch), false).onComplete(fetched -> {
            if (fetched.succeeded()) {
                pull();
            } else if (running) {
                LOG.warn(
                        "Source '{}' could not pull from stream '{}': {}; retrying in 1 s",
                        name(),
                        settings.stream(),
                        fetched.cause().toString());
                vertx.setTimer(1000, t -> pull());
            }
        });
    }

    /**
     * Pulls up to {@code batch} messages and hands each to this source's context as it arrives, so
     * a lone message at a low rate is not held until the batch fills or {@code fetch-wait} ends.
     * Returns when the batch is complete or the pull expired; the hand-offs queued before that run
     * before the completion, so the next pull sees them in flight. Runs on a worker thread.
     */
    private Void receive(int batch) {
        Iterator<Message> messages = subscription.iterate(batch, settings.fetchWait());
        while (messages.hasNext()) {
            Message message = messages.next();
            context.runOnContext(v -> handle(message));
        }
        return null;
    }

    private Future<Void> waitForRoom() {
        // While own messages are in flight, their settling frees both our slots and the routes'.
        if (!inflight.isEmpty()) {
            room = Promise.promise();
            return room.future();
        }
        return sluice.whenCapacity();
    }

    private void handle(Message message) {
        inflight.add(message);
        Event event;
        try {
            event = decode(message);
        } catch (RuntimeException e) {
            deadLetterUndecodable(message, e);
            return;
        }
        sluice.dispatch(event)
                .onComplete(done -> context.runOnContext(v -> {
                    if (done.succeeded()) {
                        settle(message, true);
                        processed.inc();
                    } else {
                        LOG.warn(
                                "Event '{}' of source '{}' did not settle ({}); it will be redelivered in {} s",
                                event.id(),
                                name(),
                                done.cause().toString(),
                                NAK_DELAY.toSeconds());
                        settle(message, false);
                    }
                    release(message);
                }));
    }

    private void deadLetterUndecodable(Message message, RuntimeException cause) {
        Event raw = Event.builder()
                .source("/sources/" + name())
                .type("io.sluice.undecodable")
                .subject(message.getSubject())
                .dataContentType("application/octet-stream")
                .data(message.getData())
                .build();
        LOG.warn(
                "Source '{}' cannot decode message {} on '{}': {}; dead-lettering it",
                name(),
                sequence(message),
                message.getSubject(),
                cause.getMessage());
        sluice.deadLetter(raw, cause)
                .onComplete(done -> context.runOnContext(v -> {
                    if (done.succeeded()) {
                        settle(message, true);
                    } else {
                        settle(message, false);
                    }
                    release(message);
                }));
    }

    /**
     * Acks or naks; when the connection is already closed (Sluice stopping) the message simply
     * stays unacknowledged and JetStream redelivers it once its lease lapses.
     */
    private void settle(Message message, boolean ack) {
        try {
            if (ack) {
                message.ack();
            } else {
                message.nakWithDelay(NAK_DELAY);
            }
        } catch (IllegalStateException e) {
            LOG.debug(
                    "Source '{}' could not {} message {} ({}); it will be redelivered",
                    name(),
                    ack ? "ack" : "nak",
                    sequence(message),
                    e.getMessage());
        }
    }

    private void release(Message message) {
        inflight.remove(message);
        Promise<Void> waiting = room;
        if (waiting != null) {
            room = null;
            waiting.tryComplete();
        }
    }

    private void extendLeases() {
        if (!nats.connected()) {
            return;
        }
        for (Message message : inflight) {
            message.inProgress();
        }
    }

    private void pollPending() {
        JetStreamSubscription sub = subscription;
        if (sub == null || !nats.connected()) {
            return;
        }
        vertx.executeBlocking(() -> sub.getConsumerInfo().getNumPending(), false)
                .onSuccess(n -> pending = n);
    }

    /** The message's stream sequence, or 0 when it carries no JetStream metadata. */
    protected static long sequence(Message message) {
        return message.isJetStream() ? message.metaData().streamSequence() : 0;
    }
}
