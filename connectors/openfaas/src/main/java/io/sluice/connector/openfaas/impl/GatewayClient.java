package io.sluice.connector.openfaas.impl;

import io.sluice.connector.openfaas.wire.Invocations;
import io.sluice.connector.openfaas.wire.QueueRequest;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Invokes functions through the gateway exactly as the OpenFaaS queue-worker does: {@code POST
 * {gateway}/function/{name}{path}{?query}} with every queued header, bounded by an upstream
 * timeout; a transport error counts as 503.
 */
final class GatewayClient {

    /** Headers the client recomputes; forwarding the queued ones would corrupt the request. */
    private static final List<String> NOT_FORWARDED =
            List.of("Content-Length", "Transfer-Encoding", "Connection", "Host", "Accept-Encoding");

    private final Vertx vertx;
    private final HttpClient client;
    private final String gatewayUrl;
    private final Duration upstreamTimeout;
    private final String userAgent;

    GatewayClient(Vertx vertx, HttpClient client, String gatewayUrl, Duration upstreamTimeout, String userAgent) {
        this.vertx = vertx;
        this.client = client;
        this.gatewayUrl = gatewayUrl;
        this.upstreamTimeout = upstreamTimeout;
        this.userAgent = userAgent;
    }

    /** Invokes the function once; never fails: transport errors become a 503 response. */
    Future<FunctionResponse> invoke(QueueRequest request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (NOT_FORWARDED.stream().noneMatch(h -> h.equalsIgnoreCase(header.getKey()))) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        headers.set("User-Agent", userAgent);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(Invocations.functionUrl(gatewayUrl, request))
                .setHeaders(headers);
        return post(options, Buffer.buffer(request.body()));
    }

    /** Posts once with the upstream timeout; transport errors become a 503 response. */
    Future<FunctionResponse> post(RequestOptions options, Buffer body) {
        long started = System.nanoTime();
        Promise<FunctionResponse> result = Promise.promise();
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                result.tryComplete(FunctionResponse.transportError(since(started), opened.cause()));
                return;
            }
            HttpClientRequest request = opened.result();
            // The gateway bounds a call by its upstream_timeout; Sluice bounds the whole exchange
            // the same way, and resets the stream so the connection is not left half-used.
            long timer = vertx.setTimer(upstreamTimeout.toMillis(), t -> {
                if (result.tryComplete(FunctionResponse.transportError(
                        since(started),
                        new IllegalStateException(
                                "no response within upstream-timeout " + upstreamTimeout.toMillis() + " ms")))) {
                    request.reset();
                }
            });
            request.send(body)
                    .compose(response -> response.body()
                            .map(bytes -> new FunctionResponse(
                                    response.statusCode(), response.headers(), bytes, since(started), null)))
                    .onComplete(done -> {
                        vertx.cancelTimer(timer);
                        result.tryComplete(
                                done.succeeded()
                                        ? done.result()
                                        : FunctionResponse.transportError(since(started), done.cause()));
                    });
        });
        return result.future();
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
