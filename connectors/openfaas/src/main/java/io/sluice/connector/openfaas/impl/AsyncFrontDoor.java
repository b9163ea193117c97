package io.sluice.connector.openfaas.impl;

import com.codahale.metrics.MetricRegistry;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.RetentionPolicy;
import io.sluice.connector.nats.NatsConnection;
import io.sluice.connector.nats.Streams;
import io.sluice.connector.openfaas.wire.AsyncRequestException;
import io.sluice.connector.openfaas.wire.AsyncRequests;
import io.sluice.connector.openfaas.wire.QueueRequest;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: openfaas-async-http}: {@code POST /async-function/{name}[/path]} answered like the
 * OpenFaaS gateway, so {@code faas-cli} and {@code curl} users can point async calls at Sluice.
 *
 * <p>It publishes the gateway's QueueRequest JSON to JetStream and answers 202 only once
 * JetStream acknowledged the publish; the queue source (this or another replica) then runs the
 * invocation. The call id doubles as JetStream's message id, so a client that retries after a
 * lost 202 or a 503 is not enqueued twice within the stream's duplicate window. When JetStream is
 * unreachable or more than {@code max-pending} publishes await their ack, it answers 503 with
 * {@code Retry-After}.
 */
final class AsyncFrontDoor extends Source {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncFrontDoor.class);

    private final FrontDoorSettings settings;
    private final AtomicInteger pending = new AtomicInteger();
    private final MetricRegistry metrics;
    private NatsConnection nats;
    private JetStream jetStream;

    AsyncFrontDoor(SourceContext sluice, FrontDoorSettings settings) {
        super(sluice);
        this.settings = settings;
        this.metrics = sluice.components().metrics();
        metrics.gauge(
                MetricNames.name("sluice_async_pending_publishes", "source", sluice.sourceName()), () -> pending::get);
    }

    @Override
    public Future<?> start() {
        return NatsConnection.shared(sluice.components())
                .compose(connection -> {
                    this.nats = connection;
                    connection.onConnectedChange(sluice::connected);
                    return vertx.executeBlocking(() -> {
                        if (settings.createStream()) {
                            Streams.ensure(
                                    connection.management(),
                                    settings.stream(),
                                    List.of(settings.subject()),
                                    RetentionPolicy.WorkQueue,
                                    Duration.ZERO,
                                    1);
                        }
                        return connection.jetStream();
                    });
                })
                .onSuccess(js -> {
                    this.jetStream = js;
                    mount(sluice.components().publicRouter());
                    sluice.connected(nats.connected());
                    LOG.info(
                            "Async front door '{}' serving POST {}/{name} into stream '{}' subject '{}'"
                                    + " (body-limit {} bytes)",
                            name(),
                            settings.pathPrefix(),
                            settings.stream(),
                            settings.subject(),
                            settings.bodyLimit());
                });
    }

    private void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(settings.bodyLimit());
        for (String path : List.of(settings.pathPrefix() + "/:name", settings.pathPrefix() + "/:name/*")) {
            router.post(path).handler(body).handler(this::enqueue).failureHandler(this::failure);
        }
    }

    /** BodyHandler fails with 413 on a declared or streamed body over the limit; say what the limit is. */
    private void failure(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            tooLarge(ctx);
        } else {
            ctx.next();
        }
    }

    private void tooLarge(RoutingContext ctx) {
        count("413");
        ctx.response()
                .setStatusCode(413)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("request body too large: the limit is " + settings.bodyLimit() + " bytes (body-limit of source '"
                        + name() + "')\n");
    }

    private void enqueue(RoutingContext ctx) {
        if (jetStream == null || !nats.connected() || pending.get() >= settings.maxPending()) {
            unavailable(ctx, jetStream == null || !nats.connected() ? "the queue is unreachable" : "the queue is busy");
            return;
        }
        QueueRequest request;
        try {
            request = AsyncRequests.fromHttp(
                    ctx.pathParam("name"),
                    ctx.request().path(),
                    ctx.request().query(),
                    ctx.request().authority() == null
                            ? ""
                            : ctx.request().authority().toString(),
                    ctx.request().headers(),
                    ctx.body().buffer() == null
                            ? new byte[0]
                            : ctx.body().buffer().getBytes(),
                    AsyncRequests.RANDOM_UUID,
                    nowNanos());
        } catch (AsyncRequestException e) {
            count("400");
            ctx.response()
                    .setStatusCode(400)
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(e.getMessage() + "\n");
            return;
        }
        String callId = request.callId().orElseThrow();
        publish(request, callId).onComplete(done -> {
            if (done.succeeded()) {
                count("202");
                ctx.response().setStatusCode(202).putHeader("X-Call-Id", callId).end();
            } else {
                LOG.warn(
                        "Could not enqueue async call '{}' for function '{}': {}",
                        callId,
                        request.function(),
                        done.cause().toString());
                unavailable(ctx, "the queue did not acknowledge the request");
            }
        });
    }

    private Future<Void> publish(QueueRequest request, String callId) {
        pending.incrementAndGet();
        PublishOptions options = PublishOptions.builder()
                .expectedStream(settings.stream())
                .messageId(callId)
                .build();
        Promise<Void> acked = Promise.promise();
        long timer = vertx.setTimer(
                settings.publishTimeout().toMillis(),
                t -> acked.tryFail("no acknowledgement from JetStream within "
                        + settings.publishTimeout().toMillis() + " ms"));
        Future.fromCompletionStage(jetStream.publishAsync(settings.subject(), request.encode(), options), context)
                .onComplete(done -> {
                    vertx.cancelTimer(timer);
                    pending.decrementAndGet();
                    if (done.succeeded()) {
                        acked.tryComplete();
                    } else {
                        acked.tryFail(done.cause());
                    }
                });
        return acked.future();
    }

    private void unavailable(RoutingContext ctx, String why) {
        count("503");
        ctx.response()
                .setStatusCode(503)
                .putHeader(
                        "Retry-After",
                        Long.toString(Math.max(1, settings.retryAfter().toSeconds())))
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("cannot accept the request now: " + why + "; retry later\n");
    }

    private void count(String code) {
        metrics.counter(MetricNames.name("sluice_async_requests_total", "source", name(), "code", code))
                .inc();
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }
}
