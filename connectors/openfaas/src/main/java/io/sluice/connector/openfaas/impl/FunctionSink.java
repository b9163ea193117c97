package io.sluice.connector.openfaas.impl;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.sluice.connector.openfaas.OpenFaasEvents;
import io.sluice.connector.openfaas.retry.RetryPolicy;
import io.sluice.connector.openfaas.wire.CallbackHeaders;
import io.sluice.connector.openfaas.wire.QueueRequest;
import io.sluice.event.Event;
import io.sluice.event.Headers;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Sink;
import io.sluice.pipeline.SinkException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: openfaas-function}: invokes the function named by each async invocation through the
 * gateway, with OpenFaaS Pro's retry policy (per-message {@code com.openfaas.retry.*} overrides)
 * and a circuit breaker per function, and replies with the response so that a route can post it to
 * the callback URL.
 *
 * <p>This sink owns the retries of its hop: the core applies none. After the last attempt the
 * event is dead-lettered and the response still routes onward, so the callback reports the last
 * status, as the queue-worker does. While a function's breaker is open its invocations wait
 * without spending attempts; they hold their slots meanwhile (see {@code concurrency}).
 */
final class FunctionSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionSink.class);

    private final FunctionSinkSettings settings;
    private final MetricRegistry metrics;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inflight = new ConcurrentHashMap<>();
    private final Map<String, FunctionMetrics> functionMetrics = new ConcurrentHashMap<>();
    private final Random random = new Random();
    private Vertx vertx;
    private GatewayClient gateway;

    FunctionSink(FunctionSinkSettings settings, MetricRegistry metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public Future<Void> start(Vertx vertx) {
        this.vertx = vertx;
        // The queue-worker disables keep-alive; Sluice keeps connections to the gateway alive and
        // pools them, which is what lets it keep up with a busy queue.
        this.gateway = new GatewayClient(
                vertx,
                vertx.createHttpClient(
                        new HttpClientOptions().setConnectTimeout(10_000),
                        new PoolOptions().setHttp1MaxSize(settings.connections())),
                settings.gatewayUrl(),
                settings.upstreamTimeout(),
                settings.userAgent());
        LOG.info(
                "Function sink invokes through gateway '{}' (upstream-timeout {} ms, {})",
                settings.gatewayUrl(),
                settings.upstreamTimeout().toMillis(),
                settings.retries());
        return Future.succeededFuture();
    }

    @Override
    public boolean ownsRetries() {
        return true;
    }

    @Override
    public Future<Delivery> send(Event event) {
        QueueRequest request;
        try {
            request = InvocationRequests.from(event, settings.function());
        } catch (RuntimeException e) {
            return Future.failedFuture(
                    SinkException.permanent("event '" + event.id() + "' is not an invocation: " + e.getMessage(), e));
        }
        RetryPolicy policy = settings.retries()
                .withAnnotations(
                        request.annotations(),
                        invalid -> LOG.warn("Invocation '{}' of '{}': {}", event.id(), request.function(), invalid));
        return attempt(new Call(event, request, policy, System.nanoTime()));
    }

    private Future<Delivery> attempt(Call call) {
        CircuitBreaker breaker = breaker(call.request.function());
        if (breaker != null && !breaker.tryAcquirePermission()) {
            return vertx.timer(500, TimeUnit.MILLISECONDS).compose(t -> attempt(call));
        }
        AtomicInteger running = inflight(call.request.function());
        running.incrementAndGet();
        return gateway.invoke(call.request).compose(response -> {
            running.decrementAndGet();
            record(call, response, breaker);
            if (response.succeeded()) {
                return Future.succeededFuture(Delivery.withReply(Responses.of(call, response, settings)));
            }
            if (call.policy.shouldRetry(response.status(), response.headers(), call.retries + 1)) {
                call.retries++;
                Duration delay = call.policy.delayBefore(
                        call.retries, response.status(), response.headers().get("Retry-After"), random);
                LOG.debug(
                        "Function '{}' answered {} for '{}'; retry {}/{} in {} ms",
                        call.request.function(),
                        response.status(),
                        call.event.id(),
                        call.retries,
                        call.policy.maxRetryAttempts(),
                        delay.toMillis());
                return vertx.timer(Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS)
                        .compose(t -> attempt(call));
            }
            return Future.failedFuture(finalFailure(call, response));
        });
    }

    private SinkException finalFailure(Call call, FunctionResponse response) {
        String detail = response.error() == null ? "" : " (" + response.error() + ")";
        SinkException failure = SinkException.exhausted(
                "function '" + call.request.function() + "' answered " + response.status() + detail + " after "
                        + (call.retries + 1) + " attempt(s)",
                call.retries + 1,
                null);
        return failure.withReplies(List.of(Responses.of(call, response, settings)));
    }

    private void record(Call call, FunctionResponse response, CircuitBreaker breaker) {
        FunctionMetrics function = metrics(call.request.function());
        function.invocations(response.status()).inc();
        function.duration.update(response.duration().toNanos(), TimeUnit.NANOSECONDS);
        if (breaker != null) {
            long nanos = response.duration().toNanos();
            if (response.status() >= 500 || response.status() == 429) {
                breaker.onError(
                        nanos,
                        TimeUnit.NANOSECONDS,
                        new IllegalStateException("function answered " + response.status()));
            } else {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** A function's metrics, named once: building labelled names per invocation shows in profiles. */
    private FunctionMetrics metrics(String function) {
        return functionMetrics.computeIfAbsent(function, f -> new FunctionMetrics(metrics, f));
    }

    private CircuitBreaker breaker(String function) {
        CircuitBreakerConfig config = settings.breaker();
        return config == null ? null : breakers.computeIfAbsent(function, f -> CircuitBreaker.of(f, config));
    }

    private AtomicInteger inflight(String function) {
        return inflight.computeIfAbsent(function, f -> {
            AtomicInteger counter = new AtomicInteger();
            metrics.gauge(
                    MetricNames.name("queue_worker_function_invocation_inflight", "function_name", f),
                    () -> counter::get);
            return counter;
        });
    }

    /** The invocation counters (by status) and duration timer of one function. */
    private static final class FunctionMetrics {
        private final MetricRegistry registry;
        private final String function;
        private final Map<Integer, Counter> invocations = new ConcurrentHashMap<>();
        final Timer duration;

        FunctionMetrics(MetricRegistry registry, String function) {
            this.registry = registry;
            this.function = function;
            this.duration =
                    registry.timer(MetricNames.name("sluice_function_invocation_seconds", "function_name", function));
        }

        Counter invocations(int status) {
            return invocations.computeIfAbsent(
                    status,
                    code -> registry.counter(MetricNames.name(
                            "sluice_function_invocations_total",
                            "function_name",
                            function,
                            "code",
                            Integer.toString(code))));
        }
    }

    /** One event's way through its attempts. */
    static final class Call {
        final Event event;
        final QueueRequest request;
        final RetryPolicy policy;
        final long startedNanos;
        int retries;

        Call(Event event, QueueRequest request, RetryPolicy policy, long startedNanos) {
            this.event = event;
            this.request = request;
            this.policy = policy;
            this.startedNanos = startedNanos;
        }
    }

    /** Builds response events. */
    static final class Responses {
        private Responses() {}

        static Event of(Call call, FunctionResponse response, FunctionSinkSettings settings) {
            Duration sinceReceived = Duration.ofNanos(System.nanoTime() - call.startedNanos);
            CallbackHeaders callback = CallbackHeaders.of(
                            response.headers(),
                            sinceReceived,
                            response.status(),
                            call.request.function(),
                            call.request.callId().orElse(""))
                    .withRetries(call.retries, call.policy.maxRetryAttempts());
            Headers.Builder headers = Headers.builder();
            callback.entries().forEach(e -> headers.add(e.getKey(), e.getValue()));
            // W3C trace context: the callback continues the trace the async request started.
            call.request.header("traceparent").ifPresent(trace -> headers.set("traceparent", trace));
            call.request.header("tracestate").ifPresent(state -> headers.set("tracestate", state));
            return Event.builder()
                    .id(call.event.id() + "/response")
                    .source("/sinks/" + settings.sinkName())
                    .type(OpenFaasEvents.RESPONSE)
                    .subject(call.request.function())
                    .dataContentType(response.headers().get("Content-Type"))
                    .extension(
                            OpenFaasEvents.CALLBACK_URL,
                            call.request.callbackUrl().orElse(null))
                    .extension(OpenFaasEvents.FUNCTION_STATUS, Integer.toString(response.status()))
                    .headers(headers.build())
                    .data(response.body())
                    .build();
        }
    }
}
