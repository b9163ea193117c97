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
 * process that made it. A function takes {@code runTime} and answers 200. Each request is recorded
 * when it arrives, and again once its answer was written: a call cut short by a killed process was
 * made but never answered, and only an answered call counts as handled.
 */
final class FunctionGateway implements AutoCloseable {

    /** One invocation as it arrived. */
    record Invocation(String replica, String callId, Buffer body, long atNanos) {}

    private final Vertx vertx;
    private final Duration runTime;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final List<Invocation> answered = new CopyOnWriteArrayList<>();
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
        return inArrivalOrder(invocations);
    }

    /** The invocations whose answer was written to the replica that made them, in arrival order. */
    List<Invocation> answered() {
        return inArrivalOrder(answered);
    }

    List<Invocation> invocationsBy(String replica) {
        return invocations().stream().filter(i -> i.replica().equals(replica)).toList();
    }

    /** Invocations by call id, each list in the order they arrived. */
    Map<String, List<Invocation>> byCallId() {
        return invocations().stream().collect(Collectors.groupingBy(Invocation::callId));
    }

    /** Invocations of the replica that arrived and whose function has not finished yet. */
    int running(String replica) {
        return running.get(replica).get();
    }

    private void invoke(String replica, HttpServerRequest request) {
        if (!request.path().startsWith("/function/")) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onSuccess(body -> {
            Invocation invocation = new Invocation(replica, request.getHeader("X-Call-Id"), body, System.nanoTime());
            invocations.add(invocation);
            AtomicInteger inProgress = running.get(replica);
            inProgress.incrementAndGet();
            vertx.setTimer(runTime.toMillis(), t -> {
                inProgress.decrementAndGet();
                // Fails when the caller was killed meanwhile: the call was made, not handled.
                request.response().end("done").onSuccess(v -> answered.add(invocation));
            });
        });
    }

    private static List<Invocation> inArrivalOrder(List<Invocation> invocations) {
        List<Invocation> sorted = new ArrayList<>(invocations);
        sorted.sort(Comparator.comparingLong(Invocation::atNanos));
        return sorted;
    }

    @Override
    public void close() {
        servers.forEach(server -> Await.result(server.close()));
    }
}
