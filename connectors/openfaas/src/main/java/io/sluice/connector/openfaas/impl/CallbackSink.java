package io.sluice.connector.openfaas.impl;

import io.sluice.connector.openfaas.OpenFaasEvents;
import io.sluice.event.Event;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Sink;
import io.sluice.pipeline.SinkException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: openfaas-callback}: posts a function's response to the callback URL its request
 * named, with the function's response headers and the queue-worker's {@code X-Duration-Seconds},
 * {@code X-Function-Status}, {@code X-Function-Name}, {@code X-Call-Id}, {@code X-Retry} and
 * {@code X-Retry-Max}. An event without a callback URL is delivered as is (nothing to post).
 *
 * <p>It is its own hop: a failed callback is retried by the core's {@code retry} policy for this
 * sink and finally dead-lettered, and never re-runs the function. 5xx, 429 and transport errors
 * are retried; other 4xx answers are final. URLs that resolve to loopback, link-local or metadata
 * addresses are refused (see {@link CallbackGuard}) and dead-lettered with the reason.
 */
final class CallbackSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackSink.class);

    private final Duration timeout;
    private final List<Cidr> denied;
    private final List<Cidr> allowed;
    private GatewayClient client;
    private CallbackGuard guard;

    CallbackSink(Duration timeout, List<Cidr> denied, List<Cidr> allowed) {
        this.timeout = timeout;
        this.denied = denied;
        this.allowed = allowed;
    }

    @Override
    public Future<Void> start(Vertx vertx) {
        client = new GatewayClient(vertx, vertx.createHttpClient(), "", timeout, "sluice/0.1");
        guard = new CallbackGuard(vertx, denied, allowed);
        return Future.succeededFuture();
    }

    @Override
    public Future<Delivery> send(Event event) {
        String url = event.extension(OpenFaasEvents.CALLBACK_URL);
        if (url == null || url.isEmpty()) {
            return Future.succeededFuture(Delivery.done());
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        event.headers().forEach(headers::add);
        RequestOptions options;
        try {
            options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(url)
                    .setHeaders(headers);
        } catch (RuntimeException e) {
            return Future.failedFuture(
                    SinkException.permanent("callback URL '" + url + "' is not usable: " + e.getMessage(), e));
        }
        return guard.check(url)
                .recover(refused -> Future.failedFuture(SinkException.permanent(refused.getMessage(), refused)))
                .compose(allowedUrl -> client.post(options, event.data()))
                .compose(response -> {
                    if (response.status() < 300) {
                        LOG.debug("Callback for '{}' to '{}' answered {}", event.subject(), url, response.status());
                        return Future.succeededFuture(Delivery.done());
                    }
                    String message = "callback to '" + url + "' answered " + response.status()
                            + (response.error() == null ? "" : " (" + response.error() + ")");
                    boolean retryable =
                            response.status() >= 500 || response.status() == 429 || response.status() == 408;
                    return Future.failedFuture(
                            retryable
                                    ? SinkException.transientFailure(message, null, null)
                                    : SinkException.permanent(message, null));
                });
    }
}
