package io.sluice.benchmarks.scenario;

import io.sluice.benchmarks.Figure;
import io.sluice.benchmarks.Latency;
import io.sluice.benchmarks.Scenario;
import io.sluice.benchmarks.ScenarioContext;
import io.sluice.benchmarks.ScenarioResult;
import io.sluice.benchmarks.report.Chart;
import io.sluice.benchmarks.report.LatencyChart;
import io.sluice.benchmarks.report.Series;
import io.sluice.benchmarks.sink.NoopSink;
import io.sluice.benchmarks.sink.NoopSinkFactory;
import io.sluice.benchmarks.support.ClosedLoop;
import io.sluice.benchmarks.support.Counts;
import io.sluice.benchmarks.support.InProcessSluice;
import io.sluice.benchmarks.support.Invocations;
import io.sluice.benchmarks.support.JetStreamFixture;
import io.sluice.benchmarks.support.Sampler;
import io.sluice.benchmarks.support.Waits;
import io.sluice.runtime.Sluice;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;

/**
 * {@code webhook}: GitHub-signed deliveries POSTed to Sluice's {@code webhook} source, which
 * verifies each signature, journals it to JetStream and answers 200 only once the journal
 * acknowledged it; against a bare Vert.x handler that reads the body and answers 200. Same client,
 * window and deliveries; afterwards every journaled delivery must reach the (no-op) sink.
 */
public final class WebhookScenario implements Scenario {

    private static final String SECRET = "benchmark-secret";
    private static final int CONNECTIONS = 64;
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);

    private ScenarioContext context;
    private HttpClient client;
    private int window;

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public String description() {
        return "GitHub-signed (X-Hub-Signature-256) webhook deliveries POSTed to Sluice's `webhook` source, which"
                + " verifies, journals to JetStream and answers 200 once durable; against a bare Vert.x handler"
                + " answering 200. Throughput = 2xx answers/s; every journaled delivery must then reach the sink.";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        this.context = context;
        int count = context.count("count", 200, 20_000);
        // A quarter of the run, so the JIT has compiled the hot paths before the measured run.
        int warmUp = count / 4;
        this.window = context.count("window", 64, 256);
        Vertx harness = Vertx.vertx();
        try (JetStreamFixture jetStream = new JetStreamFixture(context.natsUrl())) {
            this.client = harness.createHttpClient(
                    new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(CONNECTIONS));
            HttpServer bare = Waits.await(
                    harness.createHttpServer()
                            .requestHandler(request -> request.body()
                                    .onComplete(body -> request.response().end()))
                            .listen(0, "127.0.0.1"),
                    "the bare handler to listen");
            Deliveries deliveries = Deliveries.signed(count);
            if (!context.smoke()) {
                context.progress("warming up with {} deliveries each", warmUp);
                post("baseline", bare.actualPort(), "/hooks/bench", Deliveries.signed(warmUp));
                sluice(jetStream, Deliveries.signed(warmUp));
            }
            Run baseline = post("baseline", bare.actualPort(), "/hooks/bench", deliveries);
            SluiceRun sluice = sluice(jetStream, deliveries);
            return result(count, baseline, sluice);
        } finally {
            Waits.await(harness.close(), "the harness's Vert.x to close");
        }
    }

    private SluiceRun sluice(JetStreamFixture jetStream, Deliveries deliveries) throws InterruptedException {
        String journal = context.unique("journal");
        String deadLetters = context.unique("dlq");
        jetStream.deleteOnClose(journal);
        jetStream.deleteOnClose(deadLetters);
        Vertx vertx = Vertx.vertx();
        try {
            Sluice sluice = InProcessSluice.start(vertx, "webhook", config(journal, deadLetters));
            NoopSink sink = NoopSinkFactory.sink("drop");
            Run run = post("sluice", sluice.publicPort(), "/hooks/bench", deliveries);
            Counts.await(
                    sink::delivered,
                    deliveries.count() - run.result().failed(),
                    "the sink behind the webhook source",
                    Duration.ofSeconds(60));
            Waits.await(sluice.stop(), "Sluice to stop");
            return new SluiceRun(run, sink.delivered());
        } finally {
            Waits.await(vertx.close(), "Sluice's Vert.x to close");
        }
    }

    private Run post(String who, int port, String path, Deliveries deliveries) throws InterruptedException {
        ClosedLoop loop = new ClosedLoop(deliveries.count(), window, n -> deliver(port, path, deliveries, n));
        Sampler sampler = Sampler.rate(
                        SAMPLE_EVERY,
                        loop::finished,
                        () -> context.progress("{}: {} of {} answered", who, loop.finished(), deliveries.count()))
                .start();
        ClosedLoop.Result result = loop.run(context.pick(Duration.ofSeconds(60), Duration.ofMinutes(5)));
        return new Run(result, sampler.stop());
    }

    private Future<?> deliver(int port, String path, Deliveries deliveries, int n) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost("127.0.0.1")
                .setPort(port)
                .setURI(path)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-GitHub-Event", "push")
                .putHeader("X-GitHub-Delivery", deliveries.id(n))
                .putHeader("X-Hub-Signature-256", deliveries.signature(n));
        return client.request(options)
                .compose(request -> request.send(deliveries.body(n)))
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("answered " + response.statusCode()));
    }

    private String config(String journal, String deadLetters) {
        return InProcessSluice.head(context.natsUrl(), deadLetters)
                + String.join(
                        "\n",
                        "sources:",
                        "  - {name: bench, type: webhook, scheme: github, secrets: " + SECRET + ", stream: " + journal
                                + ", subject: " + journal + ", max-inflight: 256, fetch-batch: 50}",
                        "sinks:",
                        "  - {name: drop, type: noop, concurrency: 256}",
                        "routes:",
                        "  - {name: hooks, from: [bench], to: [drop], max-inflight: 512}",
                        "");
    }

    private ScenarioResult result(int count, Run baseline, SluiceRun sluice) {
        ClosedLoop.Result s = sluice.run().result();
        ClosedLoop.Result b = baseline.result();
        Figure throughput = new Figure(
                name(),
                "signed deliveries answered 2xx/s (durable for Sluice)",
                "/s",
                s.throughput(),
                b.throughput(),
                "info (no target in issue 7)",
                Figure.Verdict.INFO,
                Latency.ofMicros(s.latencyMicros()),
                Latency.ofMicros(b.latencyMicros()));
        Figure delivered = new Figure(
                name(),
                "reached the sink after 2xx (of answered 2xx)",
                "msgs",
                sluice.delivered(),
                s.finished() - s.failed(),
                "ratio = 1",
                sluice.delivered() >= s.finished() - s.failed() && s.failed() == 0
                        ? Figure.Verdict.PASS
                        : Figure.Verdict.FAIL,
                null,
                null);
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        latencies.put("Sluice (POST → durable 200)", s.latencyMicros());
        latencies.put("bare handler (POST → 200)", b.latencyMicros());
        List<Chart> charts = List.of(
                Chart.lines(
                        "webhook-throughput.svg",
                        "webhook: deliveries answered per second",
                        "seconds since the first request",
                        "deliveries/s",
                        List.of(
                                Series.of("Sluice", sluice.run().series()),
                                Series.of("bare handler", baseline.series()))),
                LatencyChart.of("webhook-latency.svg", "webhook: POST → 200", latencies));
        List<String> notes = List.of(
                String.format(
                        Locale.ROOT,
                        "%,d deliveries of ~%d bytes each%s, closed loop of %d unanswered at once, one Vert.x client"
                                + " with %d connections; signatures computed before the run.",
                        count,
                        Invocations.body(0).length,
                        context.smoke() ? "" : " after a warm-up of a quarter",
                        window,
                        CONNECTIONS),
                "Sluice: webhook source (scheme github, journal on a file-backed JetStream stream, max-inflight 256,"
                        + " fetch-batch 50) → no-op sink (concurrency 256).",
                String.format(
                        Locale.ROOT,
                        "Failures: Sluice %d (%s), bare handler %d.",
                        s.failed(),
                        s.firstFailure() == null ? "none" : s.firstFailure(),
                        b.failed()));
        return new ScenarioResult(name(), List.of(throughput, delivered), charts, notes);
    }

    /** One closed-loop run and its throughput over time. */
    private record Run(ClosedLoop.Result result, List<double[]> series) {}

    /** Sluice's run and how many deliveries reached its sink. */
    private record SluiceRun(Run run, long delivered) {}

    /** Bodies, delivery ids and GitHub signatures, computed up front so the run only sends. */
    private record Deliveries(String prefix, Buffer[] bodies, String[] signatures) {

        static Deliveries signed(int count) {
            String prefix = UUID.randomUUID().toString().substring(0, 8);
            Buffer[] bodies = new Buffer[count];
            String[] signatures = new String[count];
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                for (int i = 0; i < count; i++) {
                    byte[] body = Invocations.body(i);
                    bodies[i] = Buffer.buffer(body);
                    signatures[i] = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
            return new Deliveries(prefix, bodies, signatures);
        }

        int count() {
            return bodies.length;
        }

        String id(int n) {
            return prefix + "-" + n;
        }

        Buffer body(int n) {
            return bodies[n];
        }

        String signature(int n) {
            return signatures[n];
        }
    }
}
