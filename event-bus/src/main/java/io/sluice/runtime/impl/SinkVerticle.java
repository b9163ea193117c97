package io.sluice.runtime.impl;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Sink;
import io.sluice.pipeline.SinkException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sink on its own event loop: at most {@code concurrency} sends at a time, each paced by
 * the rate limiter, guarded by the circuit breaker and the timeout, retried by the policy, and
 * dead-lettered when it finally fails.
 *
 * <p>Work waiting for a free slot queues here; the queue is bounded by the in-flight limits of the
 * routes feeding the sink, which is what makes a slow sink stop its sources.
 */
final class SinkVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(SinkVerticle.class);

    private final String name;
    private final Sink sink;
    private final SinkPolicy policy;
    private final DeadLetters deadLetters;
    private final ReplyRouter replies;
    private final ArrayDeque<Work> queue = new ArrayDeque<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile int active;
    private final Timer latency;
    private final Counter retries;
    private final Counter delivered;
    private final Counter failed;

    /** Routes a sink's replies onward as outputs of the original event. */
    interface ReplyRouter {
        void route(String sinkName, Event reply, String origin, Settlement settlement);
    }

    SinkVerticle(
            String name,
            Sink sink,
            SinkPolicy policy,
            DeadLetters deadLetters,
            ReplyRouter replies,
            MetricRegistry metrics) {
        this.name = name;
        this.sink = sink;
        this.policy = policy;
        this.deadLetters = deadLetters;
        this.replies = replies;
        this.latency = metrics.timer(MetricNames.name("sluice_sink_send_seconds", "sink", name));
        this.retries = metrics.counter(MetricNames.name("sluice_sink_retries_total", "sink", name));
        this.delivered =
                metrics.counter(MetricNames.name("sluice_sink_deliveries_total", "sink", name, "outcome", "delivered"));
        this.failed = metrics.counter(
                MetricNames.name("sluice_sink_deliveries_total", "sink", name, "outcome", "dead_lettered"));
        metrics.gauge(MetricNames.name("sluice_sink_queued", "sink", name), () -> queued::get);
        metrics.gauge(MetricNames.name("sluice_sink_concurrency", "sink", name), () -> () -> policy.concurrency);
        if (policy.breaker != null) {
            // 0 closed, 1 open, 2 half-open: the states an operator alerts on.
            metrics.gauge(
                    MetricNames.name("sluice_sink_breaker_state", "sink", name),
                    () -> () -> breakerState(policy.breaker.getState()));
        }
    }

    @Override
    public Future<?> start() {
        return sink.start(vertx);
    }

    @Override
    public Future<?> stop() {
        return sink.stop();
    }

    String name() {
        return name;
    }

    /** Outputs waiting for a free slot. */
    int queued() {
        return queued.get();
    }

    /** Sends in flight (read from any thread: a snapshot for status pages). */
    int active() {
        return active;
    }

    int concurrency() {
        return policy.concurrency;
    }

    /** The breaker's state name, or {@code NONE}. */
    String breaker() {
        return policy.breaker == null ? "NONE" : policy.breaker.getState().name();
    }

    /** Queues one output for delivery; may be called from any thread. */
    void submit(Event event, String origin, String route, Settlement settlement) {
        settlement.fork();
        queued.incrementAndGet();
        context.runOnContext(v -> {
            queue.add(new Work(event, origin, route, settlement));
            pump();
        });
    }

    private void pump() {
        while (active < policy.concurrency && !queue.isEmpty()) {
            Work work = queue.poll();
            queued.decrementAndGet();
            active++;
            attempt(work);
        }
    }

    private void attempt(Work work) {
        CircuitBreaker breaker = policy.breaker;
        if (breaker != null && !breaker.tryAcquirePermission()) {
            // Open breaker: hold the work (and its route slot) instead of failing it, so the routes
            // feeding this sink fill up and their sources stop until the breaker half-opens.
            vertx.setTimer(250, t -> attempt(work));
            return;
        }
        long wait = policy.rateLimiter == null ? 0 : policy.rateLimiter.reservePermission();
        if (wait > 0) {
            vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), t -> send(work));
        } else {
            send(work);
        }
    }

    private void send(Work work) {
        work.attempts++;
        long started = System.nanoTime();
        withTimeout(invoke(work.event)).onComplete(done -> {
            long elapsed = System.nanoTime() - started;
            latency.update(elapsed, TimeUnit.NANOSECONDS);
            if (done.succeeded()) {
                if (policy.breaker != null) {
                    policy.breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                }
                succeed(work, done.result());
            } else {
                if (policy.breaker != null) {
                    policy.breaker.onError(elapsed, TimeUnit.NANOSECONDS, done.cause());
                }
                fail(work, done.cause());
            }
        });
    }

    private Future<Delivery> invoke(Event event) {
        try {
            Future<Delivery> result = sink.send(event);
            return result == null ? Future.failedFuture("sink '" + name + "' returned no future") : result;
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Future<Delivery> withTimeout(Future<Delivery> send) {
        Promise<Delivery> promise = Promise.promise();
        long timer = vertx.setTimer(
                policy.timeout.toMillis(),
                t -> promise.tryFail(SinkException.transientFailure(
                        "sink '" + name + "' did not answer within " + policy.timeout.toMillis() + " ms", null, null)));
        send.onComplete(done -> {
            vertx.cancelTimer(timer);
            if (done.succeeded()) {
                promise.tryComplete(done.result());
            } else {
                promise.tryFail(done.cause());
            }
        });
        return promise.future();
    }

    private void succeed(Work work, Delivery delivery) {
        delivered.inc();
        for (Event reply : delivery.replies()) {
            replies.route(name, reply, work.origin, work.settlement);
        }
        work.settlement.delivered();
        release();
    }

    private void fail(Work work, Throwable cause) {
        boolean retryable = !(cause instanceof SinkException) || ((SinkException) cause).retryable();
        if (retryable && work.attempts < policy.maxAttempts) {
            retries.inc();
            long delay = policy.delayMillis(
                    work.attempts, cause instanceof SinkException ? ((SinkException) cause).retryAfter() : null);
            LOG.debug(
                    "Sink '{}' failed event '{}' (attempt {}/{}), retrying in {} ms: {}",
                    name,
                    work.event.id(),
                    work.attempts,
                    policy.maxAttempts,
                    delay,
                    cause.getMessage());
            vertx.setTimer(Math.max(1, delay), t -> attempt(work));
            return;
        }
        int attempts = cause instanceof SinkException && ((SinkException) cause).attempts() > 0
                ? ((SinkException) cause).attempts()
                : work.attempts;
        failed.inc();
        if (cause instanceof SinkException) {
            for (Event reply : ((SinkException) cause).replies()) {
                replies.route(name, reply, work.origin, work.settlement);
            }
        }
        deadLetters.write(work.settlement, work.event, work.origin, work.route, name, cause, attempts);
        work.settlement.delivered();
        release();
    }

    private void release() {
        active--;
        pump();
    }

    private static int breakerState(CircuitBreaker.State state) {
        switch (state) {
            case OPEN:
            case FORCED_OPEN:
                return 1;
            case HALF_OPEN:
                return 2;
            default:
                return 0;
        }
    }

    /** One output on its way through this sink. */
    private static final class Work {
        final Event event;
        final String origin;
        final String route;
        final Settlement settlement;
        int attempts;

        Work(Event event, String origin, String route, Settlement settlement) {
            this.event = event;
            this.origin = origin;
            this.route = route;
            this.settlement = settlement;
        }
    }
}
