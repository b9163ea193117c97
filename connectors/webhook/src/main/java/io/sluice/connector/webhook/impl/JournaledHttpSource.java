package io.sluice.connector.webhook.impl;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.nats.client.Message;
import io.nats.client.api.PublishAck;
import io.sluice.connector.nats.JetStreamPullSource;
import io.sluice.connector.nats.NatsConnection;
import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP source that is durable before it answers 2xx: it checks a POST, publishes the event to a
 * JetStream journal with the delivery id as {@code Nats-Msg-Id}, answers 200 only once the stream
 * acknowledged it, and consumes the journal like any {@link JetStreamPullSource}, acknowledging each
 * message only once its event settled. A crash after the 200 loses nothing.
 *
 * <h2>Answers</h2>
 * 405 for other methods, 415 for a content type outside {@code content-types}, 413 over {@code
 * body-limit} (or over what the journal can hold), what {@link #admit} refuses, 503 with {@code
 * Retry-After} when the delivery might be lost (the journal did not confirm it, or {@link Backlog}
 * says the source is saturated), and 200 {@code {"id", "duplicate"}} once journaled; a delivery id
 * the stream already holds within its duplicate window answers 200 with {@code "duplicate": true}
 * and is not processed again, across replicas too.
 *
 * <h2>Threading</h2>
 * Requests run on the public HTTP server's event loop, not this verticle's; everything they touch is
 * thread-safe (metrics, {@link Backlog}, {@link Journal}, the immutable settings).
 */
abstract class JournaledHttpSource extends JetStreamPullSource {

    private static final Logger LOG = LoggerFactory.getLogger(JournaledHttpSource.class);
    private static final long BACKLOG_POLL_MS = 1000;

    protected final IntakeSettings intake;
    private final Backlog backlog;
    private final MetricRegistry metrics;
    private final Counter accepted;
    private final Counter duplicates;
    // Set on this verticle's context, read on the HTTP server's event loop.
    private volatile NatsConnection nats;
    private volatile Journal journal;
    private Route route;
    private long backlogPoll = -1;

    JournaledHttpSource(SourceContext sluice, IntakeSettings intake) {
        super(sluice, intake.pull());
        this.intake = intake;
        this.backlog = new Backlog(intake.maxPending());
        this.metrics = sluice.components().metrics();
        this.accepted = metrics.counter(MetricNames.name("sluice_webhook_accepted_total", "hook", name()));
        this.duplicates = metrics.counter(MetricNames.name("sluice_webhook_duplicates_total", "hook", name()));
    }

    /** An event to journal, and the sender's delivery id it is deduplicated by. */
    record Admission(Event event, String deliveryId) {}

    /**
     * Checks a request whose body was read within the limit and turns it into an event; called on
     * an event loop, must not block.
     *
     * @throws Refusal saying what is wrong with the request
     */
    abstract Admission admit(HttpServerRequest request, Buffer body);

    /** What the source checks, for the start-up log; never a secret. */
    abstract String describe();

    @Override
    protected final Event decode(Message message) {
        return JournalCodec.decode(Buffer.buffer(message.getData()));
    }

    @Override
    public Future<?> start() {
        return NatsConnection.shared(sluice.components())
                .compose(this::openJournal)
                .compose(v -> super.start().mapEmpty())
                .onSuccess(v -> listen());
    }

    @Override
    public Future<?> stop() {
        Route mounted = route;
        if (mounted != null) {
            mounted.remove();
        }
        vertx.cancelTimer(backlogPoll);
        return super.stop();
    }

    private Future<Void> openJournal(NatsConnection connection) {
        this.nats = connection;
        this.journal = new Journal(vertx, connection, intake);
        return journal.open();
    }

    private void listen() {
        route = sluice.components().publicRouter().route(intake.path()).handler(this::handle);
        backlogPoll = vertx.setPeriodic(BACKLOG_POLL_MS, t -> pollBacklog());
        LOG.info(
                "Source '{}' accepts POST '{}' ({}; body-limit {} bytes, of which the journal holds about {},"
                        + " content-types {}); journal stream '{}' subject '{}', dedupe-window {}, max-pending {}",
                name(),
                intake.path(),
                describe(),
                intake.bodyLimit(),
                // Base64 makes the journaled event a third larger than the body.
                journal.maxPayload() * 3 / 4,
                intake.contentTypes().isEmpty() ? "any" : intake.contentTypes(),
                intake.pull().stream(),
                intake.pull().subject(),
                intake.dedupeWindow(),
                intake.maxPending());
        // A body at the limit cannot fit even before base64 makes it a third larger: misconfigured.
        if (intake.bodyLimit() > journal.maxPayload()) {
            LOG.warn(
                    "Source '{}': body-limit {} bytes is over what a journal message holds (NATS max_payload {}"
                            + " bytes); bodies above about {} bytes get 413",
                    name(),
                    intake.bodyLimit(),
                    journal.maxPayload(),
                    journal.maxPayload() * 3 / 4);
        }
    }

    private void handle(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        Future.succeededFuture(request)
                .compose(this::readBody)
                .map(body -> admit(request, body))
                .compose(this::journal)
                .onComplete(done -> answer(request, done));
    }

    private Future<Buffer> readBody(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            throw Refusal.methodNotAllowed(request.method().name());
        }
        if (!intake.contentTypes().isEmpty()) {
            String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType == null || !intake.contentTypes().contains(IntakeSettings.mediaType(contentType))) {
                throw Refusal.unsupportedContentType(contentType, intake.contentTypes());
            }
        }
        return RawBody.read(request, intake.bodyLimit());
    }

    private Future<Receipt> journal(Admission admission) {
        String saturated = backlog.refusal(sluice.capacity());
        if (saturated != null) {
            return Future.failedFuture(Refusal.unavailable(saturated));
        }
        Buffer envelope = JournalCodec.encode(admission.event());
        if (envelope.length() > journal.maxPayload()) {
            return Future.failedFuture(Refusal.tooLarge("the event of " + envelope.length()
                    + " bytes (body in base64 and headers) is over the journal's limit of " + journal.maxPayload()
                    + " bytes (NATS max_payload)"));
        }
        String messageId = name() + ":" + admission.deliveryId();
        backlog.publishStarted();
        return journal.append(messageId, envelope)
                .onComplete(done ->
                        backlog.publishEnded(done.succeeded() && !done.result().isDuplicate()))
                .recover(failure -> Future.failedFuture(unconfirmed(admission, failure)))
                .map(ack -> receipt(admission.event(), ack));
    }

    private Refusal unconfirmed(Admission admission, Throwable failure) {
        LOG.warn(
                "Source '{}' answers 503 to delivery '{}': stream '{}' did not confirm it ({})",
                name(),
                admission.deliveryId(),
                intake.pull().stream(),
                failure.toString());
        return Refusal.unavailable("the journal did not confirm the delivery; retry later");
    }

    private Receipt receipt(Event event, PublishAck ack) {
        if (ack.isDuplicate()) {
            duplicates.inc();
            LOG.debug("Source '{}' already journaled delivery '{}'; not processing it again", name(), event.id());
        } else {
            accepted.inc();
            LOG.debug(
                    "Source '{}' journaled delivery '{}' ({}) at sequence {}",
                    name(),
                    event.id(),
                    event.type(),
                    ack.getSeqno());
        }
        return new Receipt(event.id(), ack.isDuplicate());
    }

    private void answer(HttpServerRequest request, AsyncResult<Receipt> done) {
        if (done.succeeded()) {
            Replies.accepted(request, done.result().id(), done.result().duplicate());
            return;
        }
        Refusal refusal;
        if (done.cause() instanceof Refusal known) {
            refusal = known;
            LOG.debug("Source '{}' answers {}: {}", name(), refusal.status(), refusal.getMessage());
        } else {
            LOG.error("Source '{}' failed on a request to '{}'", name(), intake.path(), done.cause());
            refusal = Refusal.internal("the request could not be handled: "
                    + done.cause().getClass().getName());
        }
        metrics.counter(MetricNames.name("sluice_webhook_rejected_total", "hook", name(), "reason", refusal.reason()))
                .inc();
        Replies.refused(request, refusal, intake.retryAfter());
    }

    private void pollBacklog() {
        if (nats == null || !nats.connected()) {
            return;
        }
        backlog.pollStarted();
        vertx.executeBlocking(
                        () -> nats.management()
                                .getConsumerInfo(
                                        intake.pull().stream(), intake.pull().durable())
                                .getNumPending(),
                        false)
                .onSuccess(backlog::polled)
                .onFailure(e -> LOG.debug("Source '{}' could not read its journal backlog: {}", name(), e.toString()));
    }

    private record Receipt(String id, boolean duplicate) {}
}
