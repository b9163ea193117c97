package io.sluice.connector.ai.impl;

import io.sluice.connector.ai.AiSettings;
import io.sluice.event.Event;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Sink;
import io.sluice.pipeline.SinkException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a chat-completions API about each event and answers with the completion as a reply event.
 *
 * <h2>Models</h2>
 * The first model answers unless: it is missing ({@code 404}), and then the fallback model is asked
 * at once, in the same send; or this is the core's last attempt ({@code retry.max-attempts}, when it
 * is 2 or more), which goes to the fallback model after the first one failed every earlier attempt
 * with 429, 5xx, a timeout or a lost connection. The core owns every other retry.
 *
 * <h2>Token budget</h2>
 * With {@code tokens-per-minute}, each call reserves its estimated tokens and waits on a timer until
 * the budget covers them; the API's reported {@code usage.total_tokens} then settles the estimate.
 * A wait longer than half the core's {@code timeout} is not made inside the send: the send fails as
 * transient with {@code retryAfter} set to the wait, keeping its reservation, so the core's retry
 * finds its tokens ready. Nothing is dropped; it waits.
 *
 * <p>Called only on the sink's event loop.
 */
final class AiSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(AiSink.class);

    private final String name;
    private final AiSettings settings;
    private final ChatRequests requests;
    private final PendingEvents pending = new PendingEvents();
    private Vertx vertx;
    private ChatClient client;
    private TokenBucket budget;

    AiSink(String name, AiSettings settings, ChatRequests requests) {
        this.name = name;
        this.settings = settings;
        this.requests = requests;
    }

    @Override
    public Future<Void> start(Vertx vertx) {
        this.vertx = vertx;
        this.client = new ChatClient(vertx, settings);
        if (settings.tokensPerMinute() > 0) {
            this.budget = new TokenBucket(settings.tokensPerMinute(), System::currentTimeMillis);
        }
        LOG.info("AI sink '{}' asks {}", name, settings);
        return Future.succeededFuture();
    }

    @Override
    public Future<Delivery> send(Event event) {
        String key = event.source() + "\n" + event.id();
        PendingEvents.State state = pending.attempt(key);
        boolean last = state.attempts >= settings.maxAttempts();
        String model = last && settings.maxAttempts() >= 2 && settings.fallbackModel() != null
                ? settings.fallbackModel()
                : settings.model();
        JsonArray messages;
        try {
            messages = requests.messages(event);
        } catch (SinkException e) {
            pending.forget(key);
            return Future.failedFuture(e);
        }
        long estimate = requests.estimate(messages);
        return tokens(state, estimate)
                .compose(ready -> ask(messages, model, estimate))
                .map(result -> Delivery.withReply(Replies.reply(name, event, result, settings.json())))
                .onComplete(done -> {
                    // The core retries what is not a permanent SinkException; keep the event's
                    // attempt count and reservation for that retry, forget it otherwise.
                    boolean retried = done.failed()
                            && !last
                            && (!(done.cause() instanceof SinkException) || ((SinkException) done.cause()).retryable());
                    if (!retried) {
                        pending.forget(key);
                    }
                });
    }

    private Future<ChatResult> ask(JsonArray messages, String model, long estimate) {
        return call(messages, model, estimate).recover(failure -> {
            boolean missing = failure instanceof ApiFailure && ((ApiFailure) failure).status() == 404;
            if (missing && settings.fallbackModel() != null && !model.equals(settings.fallbackModel())) {
                LOG.warn(
                        "AI sink '{}': model '{}' is missing ({}); asking fallback model '{}'",
                        name,
                        model,
                        failure.getMessage(),
                        settings.fallbackModel());
                return call(messages, settings.fallbackModel(), estimate);
            }
            return Future.failedFuture(failure);
        });
    }

    private Future<ChatResult> call(JsonArray messages, String model, long estimate) {
        long started = System.nanoTime();
        return client.complete(requests.body(messages, model)).andThen(done -> {
            if (budget != null) {
                // A failed call is refunded: an error status or a lost connection used no tokens we
                // can count, and charging it would slow the retries that follow.
                budget.settle(estimate, done.succeeded() ? tokensUsed(done.result(), estimate) : 0);
            }
            if (done.succeeded() && LOG.isDebugEnabled()) {
                LOG.debug(
                        "AI sink '{}': model '{}' answered in {} ms using {} tokens",
                        name,
                        model,
                        (System.nanoTime() - started) / 1_000_000,
                        done.result().totalTokens());
            }
        });
    }

    private static long tokensUsed(ChatResult result, long estimate) {
        return result.totalTokens() < 0 ? estimate : result.totalTokens();
    }

    private Future<Void> tokens(PendingEvents.State state, long estimate) {
        if (budget == null) {
            return Future.succeededFuture();
        }
        long now = System.currentTimeMillis();
        if (state.tokensReadyAt < 0) {
            state.tokensReadyAt = now + budget.reserve(estimate);
        }
        long wait = state.tokensReadyAt - now;
        if (wait <= 0) {
            state.tokensReadyAt = -1;
            return Future.succeededFuture();
        }
        if (wait > settings.timeout().toMillis() / 2) {
            return Future.failedFuture(SinkException.transientFailure(
                    "AI sink '" + name + "' has spent its tokens-per-minute budget; the next call fits in " + wait
                            + " ms",
                    Duration.ofMillis(wait),
                    null));
        }
        state.tokensReadyAt = -1;
        Promise<Void> ready = Promise.promise();
        vertx.setTimer(wait, t -> ready.complete());
        return ready.future();
    }

    @Override
    public Future<Void> stop() {
        return client == null ? Future.succeededFuture() : client.close();
    }
}
