package io.sluice.app.replicas;

import io.sluice.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A local stand-in for the OpenFaaS gateway's {@code /function/{name}} route with one listener per
 * replica: each Sluice process gets its own gateway URL, so every invocation is known by the
 * process that made it. A function takes {@code runTime} and answers 200; each request is recorded
 * when it arrives, so a call cut short by a killed process still counts as made.
 */
final class FunctionGateway implements AutoCloseable {

    /** One invocation as it arrived. */
    record Invocation(String replica, String callId, Buffer body, long atNanos) {}

    private final Vertx vertx;
    private final Duration runTime;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    FunctionGateway(Vertx vertx, Duration runTime) {
        this.vertx = vertx;
        this.runTime = runTime;
    }

    /** Opens the listener for one replica and returns its gateway URL. */
    String listen(String replica) {
        running.put(replica, new AtomicInteger());
        HttpServer server = Await.result(vertx.createHttpServer()
                .requestHandler(request -> invoke(replica, request))
                .listen(0, "127.0.0.1"));
        servers.add(server);
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Every invocation so far, in the order they arrived. */
    List<Invocation> invocations() {
        List<Invocation> all = new ArrayList<>(invocations);
        all.sort(Comparator.comparingLong(Invocation::atNanos));
        return all;
    }

    List<Invocation> invocationsBy(String replica) {
        return invocations().stream().filter(i -> i.replica().equals(replica)).toList();
    }

    /** Invocations by call id, each list in the order they arrived. */
    Map<String, List<Invocation>> byCallId() {
        return invocations().stream().collect(Collectors.groupingBy(Invocation::callId));
    }

    /** Invocations of the replica that arrived and have not been answered yet. */
    int running(String replica) {
        return running.get(replica).get();
    }

    private void invoke(String replica, HttpServerRequest request) {
        if (!request.path().startsWith("/function/")) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onSuccess(body -> {
            invocations.add(new Invocation(replica, request.getHeader("X-Call-Id"), body, System.nanoTime()));
            AtomicInteger inProgress = running.get(replica);
            inProgress.incrementAndGet();
            vertx.setTimer(runTime.toMillis(), t -> {
                inProgress.decrementAndGet();
                // The caller may have been killed meanwhile; then there is no one to answer.
                request.response().end("done");
            });
        });
    }

    @Override
    public void close() {
        servers.forEach(server -> Await.result(server.close()));
    }
}
