package io.sluice.connector.openfaas.it;

import io.sluice.testing.Await;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A real local HTTP server standing in for the OpenFaaS gateway's {@code /function/{name}} route
 * and for a callback receiver: each function answers as the test scripts it, and every request
 * (path, query, headers, body) is recorded.
 */
final class LocalGateway implements AutoCloseable {

    /** One request as received. */
    record Received(String path, String query, MultiMap headers, Buffer body, long atNanos) {}

    private final HttpServer server;
    private final Map<String, Consumer<HttpServerRequest>> functions = new ConcurrentHashMap<>();
    private final List<Received> invocations = new CopyOnWriteArrayList<>();
    private final List<Received> callbacks = new CopyOnWriteArrayList<>();

    LocalGateway(Vertx vertx) {
        server = Await.result(
                vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1"));
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    String callbackUrl(String tag) {
        return url() + "/callback/" + tag;
    }

    /** Scripts a function; it answers 200 "ok" unless told otherwise. */
    void function(String name, Consumer<HttpServerRequest> behaviour) {
        functions.put(name, behaviour);
    }

    List<Received> invocations(String function) {
        return invocations.stream()
                .filter(r -> r.path().startsWith("/function/" + function))
                .toList();
    }

    List<Received> callbacks() {
        return List.copyOf(callbacks);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Received received = new Received(
                    request.path(),
                    request.query(),
                    MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                    body,
                    System.nanoTime());
            if (request.path().startsWith("/callback/")) {
                callbacks.add(received);
                request.response().setStatusCode(200).end();
                return;
            }
            invocations.add(received);
            String name = request.path().substring("/function/".length()).split("/", 2)[0];
            functions
                    .getOrDefault(
                            name,
                            r -> r.response()
                                    .putHeader("Content-Type", "text/plain")
                                    .end("ok"))
                    .accept(request);
        });
    }

    @Override
    public void close() {
        Await.result(server.close());
    }
}
