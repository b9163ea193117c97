package io.sluice.benchmarks.scenario;

import io.sluice.benchmarks.Figure;
import io.sluice.benchmarks.Latency;
import io.sluice.benchmarks.Scenario;
import io.sluice.benchmarks.ScenarioContext;
import io.sluice.benchmarks.ScenarioResult;
import io.sluice.benchmarks.report.Chart;
import io.sluice.benchmarks.sink.NoopSink;
import io.sluice.benchmarks.sink.NoopSinkFactory;
import io.sluice.benchmarks.support.Counts;
import io.sluice.benchmarks.support.FixedRatePublisher;
import io.sluice.benchmarks.support.InProcessSluice;
import io.sluice.benchmarks.support.Invocations;
import io.sluice.benchmarks.support.JetStreamFixture;
import io.sluice.benchmarks.support.PullRequestSpy;
import io.sluice.benchmarks.support.RawPullConsumer;
import io.sluice.benchmarks.support.Sampler;
import io.sluice.benchmarks.support.Waits;
import io.sluice.runtime.Sluice;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * {@code queue}: drains a stream of pre-published QueueRequest messages through Sluice's {@code
 * openfaas-queue} source into a no-op sink, and the same number from an identical stream with a raw
 * jnats pull-and-ack loop; then offers both a fixed rate to measure publish-to-delivery latency.
 */
public final class QueueScenario implements Scenario {

    private static final int BATCH = 100;
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);

    private ScenarioContext context;
    private JetStreamFixture jetStream;
    private int maxInflight;

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String description() {
        return "Pre-published QueueRequest messages consumed and acknowledged: Sluice's `openfaas-queue` source"
                + " routing to a no-op sink, against a raw jnats pull-consume-ack loop over an identical stream."
                + " Throughput runs from the first message received until the stream is empty (every ack"
                + " applied); the throughput figure is the median of the rounds.";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        this.context = context;
        this.maxInflight = context.count("max-inflight", 2 * BATCH, 2 * BATCH);
        int count = context.count("count", 1_000, 100_000);
        // A quarter of the run, so the JIT has compiled the hot paths before the measured run.
        int warmUp = count / 4;
        int rounds = context.count("rounds", 1, 3);
        int rate = context.count("rate", 500, 2_000);
        Duration latencyFor = Duration.ofSeconds(context.count("latency-seconds", 1, 10));
        try (JetStreamFixture fixture = new JetStreamFixture(context.natsUrl())) {
            this.jetStream = fixture;
            if (!context.smoke()) {
                context.progress("warming up with {} messages each", warmUp);
                raw(warmUp);
                sluice(warmUp);
            }
            List<Drain> raws = new ArrayList<>();
            List<Drain> sluices = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                context.progress("round {} of {}: {} messages each", round, rounds, count);
                raws.add(raw(count));
                sluices.add(sluice(count));
            }
            Histogram rawAge = rawLatency(rate, latencyFor);
            Histogram sluiceAge = sluiceLatency(rate, latencyFor);
            return result(
                    count,
                    rounds,
                    rate,
                    DrainComparison.median(raws, Drain::throughput),
                    DrainComparison.median(sluices, Drain::throughput),
                    rawAge,
                    sluiceAge);
        }
    }

    private ScenarioResult result(
            int count, int rounds, int rate, Drain raw, Drain sluice, Histogram rawAge, Histogram sluiceAge) {
        double ratio = sluice.throughput() / raw.throughput();
        Figure throughput = new Figure(
                name(),
                "throughput",
                "msg/s",
                sluice.throughput(),
                raw.throughput(),
                "ratio ≥ 0.8",
                ratio >= 0.8 ? Figure.Verdict.PASS : Figure.Verdict.FAIL,
                Latency.ofMicros(sluiceAge),
                Latency.ofMicros(rawAge));
        Figure p99 = DrainComparison.p99(
                name(), String.format(Locale.ROOT, "p99 publish→delivery at %,d msg/s", rate), sluiceAge, rawAge);
        List<Chart> charts = List.of(
                DrainComparison.throughputChart(
                        "queue-throughput.svg",
                        "queue: messages settled per second (median round)",
                        "seconds since the first message",
                        "msg/s",
                        "raw jnats",
                        sluice.series(),
                        raw.series()),
                DrainComparison.latencyChart(
                        "queue-latency.svg",
                        String.format(Locale.ROOT, "queue: publish → delivery at %,d msg/s", rate),
                        "raw jnats",
                        sluiceAge,
                        rawAge));
        List<String> notes = List.of(
                String.format(
                        Locale.ROOT,
                        "%,d messages of ~%d bytes per round, %d round(s)%s; fetch batch %d for both;"
                                + " Sluice: max-inflight %d, no-op sink concurrency 256, route max-inflight 512.",
                        count,
                        Invocations.queueRequest("noop", 0, null).length,
                        rounds,
                        context.smoke() ? "" : " after a warm-up of a quarter",
                        BATCH,
                        maxInflight),
                "Sluice decodes each QueueRequest (JSON, base64 body), builds an event, routes, delivers and"
                        + " acks after settlement; the raw loop only fetches and acks.",
                String.format(
                        Locale.ROOT,
                        "Latency: %,d msg/s offered for the latency phase; age = delivery time − publish time"
                                + " (same JVM clock). Both consumers pull up to %d at a time and take each message"
                                + " as it arrives, without waiting for the pull to fill.",
                        rate,
                        BATCH),
                String.format(
                        Locale.ROOT,
                        "Median round: Sluice %,.0f msg/s over %.1f s (%s); raw %,.0f msg/s over %.1f s (%s).",
                        sluice.throughput(),
                        sluice.seconds(),
                        sluice.pulls(),
                        raw.throughput(),
                        raw.seconds(),
                        raw.pulls()));
        return new ScenarioResult(name(), List.of(throughput, p99), charts, notes);
    }

    private Drain raw(int count) throws Exception {
        String stream = fill(count, "raw");
        try (PullRequestSpy pulls = new PullRequestSpy(jetStream.connection(), stream, "raw");
                RawPullConsumer consumer = new RawPullConsumer(context.natsUrl(), stream, BATCH)) {
            Sampler sampler = Sampler.rate(
                            SAMPLE_EVERY,
                            consumer::received,
                            () -> context.progress("raw: {} of {} received", consumer.received(), count))
                    .start();
            consumer.drain(count, Duration.ofMinutes(5));
            jetStream.awaitEmpty(stream, Duration.ofSeconds(30));
            long end = System.nanoTime();
            Drain drain = new Drain(count, (end - consumer.firstNanos()) / 1e9, sampler.stop(), pulls.summary());
            context.progress("raw: {} messages in {} s; {}", count, Math.round(drain.seconds()), drain.pulls());
            return drain;
        }
    }

    private Drain sluice(int count) throws Exception {
        String stream = fill(count, "sluice");
        Vertx vertx = Vertx.vertx();
        try (PullRequestSpy pulls = new PullRequestSpy(jetStream.connection(), stream, "sluice")) {
            Sluice sluice = InProcessSluice.start(vertx, "queue", config(stream));
            NoopSink sink = NoopSinkFactory.sink("drop");
            Sampler sampler = Sampler.rate(
                            SAMPLE_EVERY,
                            sink::delivered,
                            () -> context.progress("sluice: {} of {} delivered", sink.delivered(), count))
                    .start();
            Counts.await(sink::delivered, count, "Sluice's no-op sink", Duration.ofMinutes(5));
            jetStream.awaitEmpty(stream, Duration.ofSeconds(30));
            long end = System.nanoTime();
            Drain drain = new Drain(count, (end - sink.firstNanos()) / 1e9, sampler.stop(), pulls.summary());
            context.progress("sluice: {} messages in {} s; {}", count, Math.round(drain.seconds()), drain.pulls());
            Waits.await(sluice.stop(), "Sluice to stop");
            return drain;
        } finally {
            Waits.await(vertx.close(), "Vert.x to close");
        }
    }

    private Histogram rawLatency(int rate, Duration duration) throws Exception {
        String stream = context.unique("raw-latency");
        jetStream.createWorkQueue(stream);
        try (RawPullConsumer consumer = new RawPullConsumer(context.natsUrl(), stream, BATCH)) {
            consumer.startBackground();
            int published = offer(stream, rate, duration);
            Counts.await(consumer::received, published, "the raw consumer", Duration.ofSeconds(60));
            return consumer.ageMicros();
        }
    }

    private Histogram sluiceLatency(int rate, Duration duration) throws Exception {
        String stream = context.unique("sluice-latency");
        jetStream.createWorkQueue(stream);
        Vertx vertx = Vertx.vertx();
        try {
            Sluice sluice = InProcessSluice.start(vertx, "queue-latency", config(stream));
            NoopSink sink = NoopSinkFactory.sink("drop");
            int published = offer(stream, rate, duration);
            Counts.await(sink::delivered, published, "Sluice's no-op sink", Duration.ofSeconds(60));
            Waits.await(sluice.stop(), "Sluice to stop");
            return sink.ageMicros();
        } finally {
            Waits.await(vertx.close(), "Vert.x to close");
        }
    }

    private int offer(String stream, int rate, Duration duration) throws InterruptedException {
        context.progress("offering {} msg/s for {} s to '{}'", rate, duration.toSeconds(), stream);
        try (FixedRatePublisher publisher = new FixedRatePublisher(
                        jetStream.connection(),
                        stream,
                        rate,
                        (n, sent) -> Invocations.queueRequest("noop", n, null, sent))
                .start(duration)) {
            publisher.awaitDone();
            jetStream.flush();
            return publisher.published();
        }
    }

    private String config(String stream) {
        String deadLetters = context.unique("dlq");
        jetStream.deleteOnClose(deadLetters);
        return InProcessSluice.head(context.natsUrl(), deadLetters)
                + String.join(
                        "\n",
                        "sources:",
                        "  - {name: queue, type: openfaas-queue, stream: " + stream + ", subject: " + stream
                                + ", durable: sluice, create-stream: false, ack-wait: 30s, max-inflight: "
                                + maxInflight + ", fetch-batch: " + BATCH + "}",
                        "sinks:",
                        "  - {name: drop, type: noop, concurrency: 256}",
                        "routes:",
                        "  - {name: drain, from: [queue], to: [drop], max-inflight: 512}",
                        "");
    }

    private String fill(int count, String tag) throws Exception {
        String stream = context.unique(tag);
        long started = System.nanoTime();
        jetStream.createWorkQueue(stream);
        jetStream.fill(stream, count, n -> Invocations.queueRequest("noop", n, null), Duration.ofMinutes(2));
        context.progress("{}: {} messages stored in {} ms", tag, count, (System.nanoTime() - started) / 1_000_000);
        return stream;
    }

    /** One drain of a pre-filled stream. */
    private record Drain(int count, double seconds, List<double[]> series, String pulls) {
        double throughput() {
            return count / seconds;
        }
    }
}
