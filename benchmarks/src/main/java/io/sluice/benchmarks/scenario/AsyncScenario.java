package io.sluice.benchmarks.scenario;

import io.sluice.benchmarks.Figure;
import io.sluice.benchmarks.Latency;
import io.sluice.benchmarks.Scenario;
import io.sluice.benchmarks.ScenarioContext;
import io.sluice.benchmarks.ScenarioResult;
import io.sluice.benchmarks.report.Chart;
import io.sluice.benchmarks.report.LatencyChart;
import io.sluice.benchmarks.report.Series;
import io.sluice.benchmarks.support.ClosedLoop;
import io.sluice.benchmarks.support.InProcessSluice;
import io.sluice.benchmarks.support.Invocations;
import io.sluice.benchmarks.support.JetStreamFixture;
import io.sluice.benchmarks.support.LocalFunction;
import io.sluice.benchmarks.support.Sampler;
import io.sluice.benchmarks.support.Waits;
import io.sluice.runtime.Sluice;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.Histogram;

/**
 * {@code async}: OpenFaaS async invocations through Sluice ({@code POST /async-function/bench} with
 * {@code X-Callback-Url}, JetStream, the function sink, the callback sink) until each callback
 * arrives, against plain HTTP POSTs to the same local function, with the same client, window and
 * count.
 */
public final class AsyncScenario implements Scenario {

    /** OpenFaaS CE's published async throughput (openfaas/faas#620), for comparison only. */
    private static final double OPENFAAS_CE_ASYNC_PER_SECOND = 85;

    private static final int CONNECTIONS = 64;
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);

    private ScenarioContext context;
    private JetStreamFixture jetStream;
    private LocalFunction function;
    private HttpClient client;
    private int window;

    @Override
    public String name() {
        return "async";
    }

    @Override
    public String description() {
        return "Async invocations POSTed to Sluice's `/async-function/bench` with `X-Callback-Url`, a local"
                + " function answering 200 at once and a local callback receiver; throughput = completed"
                + " callbacks/s. Baseline: plain HTTP POSTs to the same local function, same client and window.";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        this.context = context;
        int count = context.count("count", 200, 20_000);
        // A quarter of the run, so the JIT has compiled the hot paths before the measured run.
        int warmUp = count / 4;
        this.window = context.count("window", 64, 256);
        Vertx harness = Vertx.vertx();
        try (JetStreamFixture fixture = new JetStreamFixture(context.natsUrl())) {
            this.jetStream = fixture;
            this.function = LocalFunction.start(harness);
            this.client = harness.createHttpClient(
                    new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(CONNECTIONS));
            if (!context.smoke()) {
                context.progress("warming up with {} invocations each", warmUp);
                baseline(warmUp);
                sluice(warmUp);
            }
            Run baseline = baseline(count);
            Run sluice = sluice(count);
            return result(count, baseline, sluice);
        } finally {
            Waits.await(harness.close(), "the harness's Vert.x to close");
        }
    }

    private Run baseline(int count) throws InterruptedException {
        ClosedLoop loop = new ClosedLoop(count, window, this::invokeDirectly);
        return measure("baseline", loop, count);
    }

    private Run sluice(int count) throws InterruptedException {
        String stream = context.unique("requests");
        String deadLetters = context.unique("dlq");
        jetStream.deleteOnClose(stream);
        jetStream.deleteOnClose(deadLetters);
        Vertx vertx = Vertx.vertx();
        try {
            Sluice sluice = InProcessSluice.start(vertx, "async", config(stream, deadLetters));
            AtomicReferenceArray<Promise<Void>> pending = new AtomicReferenceArray<>(count);
            function.onCallback(n -> pending.get(n).tryComplete());
            ClosedLoop loop = new ClosedLoop(count, window, n -> invokeThroughSluice(sluice.publicPort(), pending, n));
            Run run = measure("sluice", loop, count);
            Waits.await(sluice.stop(), "Sluice to stop");
            return run;
        } finally {
            Waits.await(vertx.close(), "Sluice's Vert.x to close");
        }
    }

    private Run measure(String who, ClosedLoop loop, int count) throws InterruptedException {
        Sampler sampler = Sampler.rate(
                        SAMPLE_EVERY,
                        loop::finished,
                        () -> context.progress("{}: {} of {} complete", who, loop.finished(), count))
                .start();
        ClosedLoop.Result result = loop.run(context.pick(Duration.ofSeconds(60), Duration.ofMinutes(5)));
        return new Run(result, sampler.stop());
    }

    private Future<?> invokeDirectly(int n) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost("127.0.0.1")
                .setPort(function.port())
                .setURI("/function/bench")
                // A request lost on a loaded machine fails (and is counted) instead of holding the run.
                .setIdleTimeout(30_000)
                .putHeader("X-Call-Id", "direct-" + n)
                .putHeader("Content-Type", "application/json");
        return client.request(options)
                .compose(request -> request.send(Buffer.buffer(Invocations.body(n))))
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("function answered " + response.statusCode()));
    }

    private Future<?> invokeThroughSluice(int port, AtomicReferenceArray<Promise<Void>> pending, int n) {
        Promise<Void> called = Promise.promise();
        pending.set(n, called);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost("127.0.0.1")
                .setPort(port)
                .setURI("/async-function/bench")
                .putHeader("X-Callback-Url", function.callbackUrl(n))
                .putHeader("Content-Type", "application/json");
        client.request(options)
                .compose(request -> request.send(Buffer.buffer(Invocations.body(n))))
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(accepted -> {
                    if (accepted.failed()) {
                        called.tryFail(accepted.cause());
                    } else if (accepted.result() != 202) {
                        called.tryFail("front door answered " + accepted.result());
                    }
                });
        return called.future();
    }

    private String config(String stream, String deadLetters) {
        return InProcessSluice.head(context.natsUrl(), deadLetters)
                + String.join(
                        "\n",
                        "sources:",
                        "  - {name: queue, type: openfaas-queue, stream: " + stream + ", subject: " + stream
                                + ", durable: workers, ack-wait: 30s, max-inflight: 256, fetch-batch: 50}",
                        "  - {name: front-door, type: openfaas-async-http, stream: " + stream + ", subject: " + stream
                                + "}",
                        "sinks:",
                        "  - {name: function, type: openfaas-function, gateway-url: '" + function.url() + "',"
                                + " concurrency: 64, connections: 64, upstream-timeout: 30s}",
                        // The callback receiver is on 127.0.0.1, which the callback sink denies by default.
                        "  - {name: callback, type: openfaas-callback, concurrency: 64,"
                                + " allowed-networks: [127.0.0.0/8]}",
                        "routes:",
                        "  - {name: invoke, from: [queue], to: [function], max-inflight: 512}",
                        "  - {name: callbacks, from: [function], to: [callback], max-inflight: 512}",
                        "");
    }

    private ScenarioResult result(int count, Run baseline, Run sluice) {
        double ratio = sluice.result().throughput() / baseline.result().throughput();
        Figure throughput = new Figure(
                name(),
                "completed invocations/s",
                "/s",
                sluice.result().throughput(),
                baseline.result().throughput(),
                "ratio ≥ 0.5",
                ratio >= 0.5 && sluice.result().failed() == 0 ? Figure.Verdict.PASS : Figure.Verdict.FAIL,
                Latency.ofMicros(sluice.result().latencyMicros()),
                Latency.ofMicros(baseline.result().latencyMicros()));
        Figure openFaas = new Figure(
                name(),
                "vs OpenFaaS CE async (faas#620, ~85/s; not measured here)",
                "/s",
                sluice.result().throughput(),
                OPENFAAS_CE_ASYNC_PER_SECOND,
                "info",
                Figure.Verdict.INFO,
                null,
                null);
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        latencies.put("Sluice (POST → callback)", sluice.result().latencyMicros());
        latencies.put("direct POST → response", baseline.result().latencyMicros());
        List<Chart> charts = List.of(
                Chart.lines(
                        "async-throughput.svg",
                        "async: completed invocations per second",
                        "seconds since the first request",
                        "invocations/s",
                        List.of(
                                Series.of("Sluice (callbacks)", sluice.series()),
                                Series.of("direct POSTs", baseline.series()))),
                LatencyChart.of("async-latency.svg", "async: latency per invocation", latencies));
        List<String> notes = List.of(
                String.format(
                        Locale.ROOT,
                        "%,d invocations each%s, closed loop of %d unfinished at once, one Vert.x client with"
                                + " %d connections for both.",
                        count,
                        context.smoke() ? "" : " after a warm-up of a quarter",
                        window,
                        CONNECTIONS),
                "Sluice: front door → JetStream (file storage) → openfaas-queue (max-inflight 256, fetch-batch 50)"
                        + " → openfaas-function (concurrency 64, 64 connections) → openfaas-callback (concurrency"
                        + " 64). Latency = POST sent → callback received; baseline latency = POST sent → response.",
                String.format(
                        Locale.ROOT,
                        "Failures: Sluice %d (%s), baseline %d. OpenFaaS CE's ~85/s is from faas#620 on other"
                                + " hardware; the ratio in that row is against it, not a same-run baseline.",
                        sluice.result().failed(),
                        sluice.result().firstFailure() == null
                                ? "none"
                                : sluice.result().firstFailure(),
                        baseline.result().failed()));
        return new ScenarioResult(name(), List.of(throughput, openFaas), charts, notes);
    }

    /** One closed-loop run and its throughput over time. */
    private record Run(ClosedLoop.Result result, List<double[]> series) {}
}
