package io.sluice.benchmarks.support;

import io.sluice.benchmarks.Latency;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.BitSet;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;

/**
 * A stand-in OpenFaaS gateway and callback receiver on 127.0.0.1: {@code POST /function/{name}}
 * answers 200 at once (or is held while {@link #hold()} is in force), {@code POST /callback/{n}}
 * answers 200 and reports {@code n}. It notes which invocation ids (the number after the last
 * {@code -} of {@code X-Call-Id}) it saw, so a scenario can prove nothing was lost, and each
 * invocation's age from the {@code X-Start-Time} header the gateway (or the harness) stamped.
 */
public final class LocalFunction {

    private final HttpServer server;
    private final AtomicLong invocations = new AtomicLong();
    private final BitSet seen = new BitSet();
    private final Histogram ageMicros = Latency.microsHistogram();
    private final Queue<HttpServerRequest> held = new ConcurrentLinkedQueue<>();
    private volatile boolean holding;
    private volatile IntConsumer onCallback = n -> {};

    private LocalFunction(HttpServer server) {
        this.server = server;
    }

    /** Starts the server on an ephemeral port of 127.0.0.1. */
    public static LocalFunction start(Vertx vertx) {
        HttpServer server = vertx.createHttpServer();
        LocalFunction function = new LocalFunction(server);
        server.requestHandler(function::handle);
        Waits.await(server.listen(0, "127.0.0.1"), "local function server to listen");
        return function;
    }

    /** {@code http://127.0.0.1:port}, the gateway URL for Sluice's function sink. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.actualPort();
    }

    /** The callback URL that reports {@code n} when called. */
    public String callbackUrl(int n) {
        return url() + "/callback/" + n;
    }

    /** Called with {@code n} for every callback received, from an event loop. */
    public void onCallback(IntConsumer handler) {
        this.onCallback = handler;
    }

    /** Stops answering invocations: they are held, unanswered, until {@link #release()}. */
    public void hold() {
        holding = true;
    }

    /** Answers every held invocation 200 and answers later ones at once again. */
    public void release() {
        holding = false;
        HttpServerRequest request;
        while ((request = held.poll()) != null) {
            request.response().end("ok");
        }
    }

    /** Invocations received, held ones included. */
    public long invocations() {
        return invocations.get();
    }

    /** Each invocation's age on arrival (now − {@code X-Start-Time}), in microseconds. */
    public Histogram ageMicros() {
        return ageMicros;
    }

    public int heldCount() {
        return held.size();
    }

    /** How many distinct invocation ids in {@code [0, count)} were received. */
    public int distinctSeen(int count) {
        synchronized (seen) {
            return seen.get(0, count).cardinality();
        }
    }

    public Future<Void> close() {
        release();
        return server.close();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/callback/")) {
            request.end().onComplete(done -> request.response().end());
            onCallback.accept(Integer.parseInt(path.substring("/callback/".length())));
            return;
        }
        if (!path.startsWith("/function/")) {
            request.response().setStatusCode(404).end();
            return;
        }
        invocations.incrementAndGet();
        markSeen(request.getHeader("X-Call-Id"));
        recordAge(request.getHeader("X-Start-Time"));
        if (holding) {
            held.add(request);
            // A release racing this request may have drained the queue already: answer it here.
            if (!holding && held.remove(request)) {
                request.response().end("ok");
            }
            return;
        }
        request.end().onComplete(done -> request.response().end("ok"));
    }

    private void recordAge(String startTime) {
        if (startTime != null && !startTime.isEmpty()) {
            long micros = (Invocations.epochNanos() - Long.parseLong(startTime)) / 1000;
            ageMicros.recordValue(Math.max(0, micros));
        }
    }

    private void markSeen(String callId) {
        if (callId == null) {
            return;
        }
        int dash = callId.lastIndexOf('-');
        try {
            int n = Integer.parseInt(callId.substring(dash + 1));
            synchronized (seen) {
                seen.set(n);
            }
        } catch (NumberFormatException e) {
            // Not one of the harness's ids (a warm-up or a foreign call): nothing to account for.
            return;
        }
    }
}
