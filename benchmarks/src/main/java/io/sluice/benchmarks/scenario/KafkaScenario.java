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
import io.sluice.benchmarks.support.InProcessSluice;
import io.sluice.benchmarks.support.JetStreamFixture;
import io.sluice.benchmarks.support.KafkaFixture;
import io.sluice.benchmarks.support.RawKafkaConsumer;
import io.sluice.benchmarks.support.Sampler;
import io.sluice.benchmarks.support.Waits;
import io.sluice.runtime.Sluice;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * {@code kafka}: one pre-filled topic consumed to its end twice per round, each time by a fresh
 * consumer group: once by Sluice's {@code kafka} source routing to a no-op sink, once by a raw
 * kafka-clients poll-and-commit loop; then a fixed rate offered to measure produce-to-delivery
 * latency.
 */
public final class KafkaScenario implements Scenario {

    private static final int PARTITIONS = 4;
    private static final int VALUE_BYTES = 256;
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    private static final Duration DRAIN_BOUND = Duration.ofMinutes(5);

    private ScenarioContext context;
    private KafkaFixture kafka;
    private JetStreamFixture jetStream;
    private int maxInflight;

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String description() {
        return "Records of one pre-filled topic (" + PARTITIONS + " partitions) consumed to the end by a fresh"
                + " consumer group: Sluice's `kafka` source routing to a no-op sink and committing settled offsets,"
                + " against a raw kafka-clients poll loop committing asynchronously every second. Throughput runs"
                + " from the first record received to the last delivered; the figure is the median of the rounds.";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        this.context = context;
        this.maxInflight = context.count("max-inflight", 1_000, 1_000);
        int count = context.count("count", 2_000, 200_000);
        int rounds = context.count("rounds", 1, 3);
        int rate = context.count("rate", 500, 2_000);
        Duration latencyFor = Duration.ofSeconds(context.count("latency-seconds", 1, 10));
        try (KafkaFixture fixture = new KafkaFixture(KafkaFixture.bootstrapFromEnvironment());
                JetStreamFixture deadLetters = new JetStreamFixture(context.natsUrl())) {
            this.kafka = fixture;
            this.jetStream = deadLetters;
            if (!context.smoke()) {
                String warmUp = fill(count / 4);
                context.progress("warming up with {} records each", count / 4);
                raw(warmUp, count / 4);
                sluice(warmUp, count / 4);
            }
            String topic = fill(count);
            List<Drain> raws = new ArrayList<>();
            List<Drain> sluices = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                context.progress("round {} of {}: {} records each", round, rounds, count);
                raws.add(raw(topic, count));
                sluices.add(sluice(topic, count));
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
        Figure throughput = new Figure(
                name(),
                "throughput",
                "records/s",
                sluice.throughput(),
                raw.throughput(),
                "info",
                Figure.Verdict.INFO,
                Latency.ofMicros(sluiceAge),
                Latency.ofMicros(rawAge));
        Figure p99 = DrainComparison.p99(
                name(), String.format(Locale.ROOT, "p99 produce→delivery at %,d records/s", rate), sluiceAge, rawAge);
        List<Chart> charts = List.of(
                DrainComparison.throughputChart(
                        "kafka-throughput.svg",
                        "kafka: records delivered per second (median round)",
                        "seconds since the first record",
                        "records/s",
                        "raw kafka-clients",
                        sluice.series(),
                        raw.series()),
                DrainComparison.latencyChart(
                        "kafka-latency.svg",
                        String.format(Locale.ROOT, "kafka: produce → delivery at %,d records/s", rate),
                        "raw kafka-clients",
                        sluiceAge,
                        rawAge));
        List<String> notes = List.of(
                String.format(
                        Locale.ROOT,
                        "%,d records of %d bytes over %d partitions, %d round(s)%s, each consumer in a fresh group"
                                + " reading the same topic from the start; max.poll.records %d for both; Sluice:"
                                + " max-inflight %d, unordered, commit-interval 1 s, no-op sink concurrency 256.",
                        count,
                        VALUE_BYTES,
                        PARTITIONS,
                        rounds,
                        context.smoke() ? "" : " after a warm-up topic of a quarter",
                        maxPollRecords(),
                        maxInflight),
                "Sluice turns each record into an event (headers, key, CloudEvents attributes), routes, delivers"
                        + " and commits offsets only up to the last contiguous settled record per partition; the"
                        + " raw loop only polls, and commits the polled positions every second.",
                String.format(
                        Locale.ROOT,
                        "Median round: Sluice %,.0f records/s over %.2f s, every offset committed %,d ms after the"
                                + " last delivery; raw %,.0f records/s over %.2f s, committed %,d ms after its last"
                                + " poll (a synchronous commit).",
                        sluice.throughput(),
                        sluice.seconds(),
                        sluice.commitLagMillis(),
                        raw.throughput(),
                        raw.seconds(),
                        raw.commitLagMillis()),
                String.format(
                        Locale.ROOT,
                        "Latency: %,d records/s offered to a fresh topic for each consumer; age = delivery time −"
                                + " the record's create time (millisecond resolution; the producer lingers up to"
                                + " 5 ms for both).",
                        rate));
        return new ScenarioResult(name(), List.of(throughput, p99), charts, notes);
    }

    private Drain raw(String topic, int count) throws Exception {
        String group = context.unique("raw");
        try (RawKafkaConsumer consumer = new RawKafkaConsumer(kafka.bootstrap(), group, topic, maxPollRecords())) {
            Sampler sampler = Sampler.rate(
                            SAMPLE_EVERY,
                            consumer::received,
                            () -> context.progress("raw: {} of {} received", consumer.received(), count))
                    .start();
            consumer.drain(count, DRAIN_BOUND);
            long last = consumer.lastNanos();
            List<double[]> series = sampler.stop();
            kafka.awaitCommitted(group, topic, count, Duration.ofSeconds(30));
            Drain drain = new Drain(count, (last - consumer.firstNanos()) / 1e9, millisSince(last), series);
            context.progress("raw: {} records in {} ms", count, Math.round(drain.seconds() * 1000));
            return drain;
        }
    }

    private Drain sluice(String topic, int count) throws Exception {
        String group = context.unique("sluice");
        Vertx vertx = Vertx.vertx();
        try {
            Sluice sluice = InProcessSluice.start(vertx, "kafka", config(topic, group));
            NoopSink sink = NoopSinkFactory.sink("drop");
            Sampler sampler = Sampler.rate(
                            SAMPLE_EVERY,
                            sink::delivered,
                            () -> context.progress("sluice: {} of {} delivered", sink.delivered(), count))
                    .start();
            Counts.await(sink::delivered, count, "Sluice's no-op sink", DRAIN_BOUND);
            long last = sink.lastNanos();
            List<double[]> series = sampler.stop();
            kafka.awaitCommitted(group, topic, count, Duration.ofSeconds(30));
            Drain drain = new Drain(count, (last - sink.firstNanos()) / 1e9, millisSince(last), series);
            context.progress("sluice: {} records in {} ms", count, Math.round(drain.seconds() * 1000));
            Waits.await(sluice.stop(), "Sluice to stop");
            if (sink.delivered() != count) {
                throw new IllegalStateException(
                        "Sluice delivered " + sink.delivered() + " records of a topic holding " + count);
            }
            return drain;
        } finally {
            Waits.await(vertx.close(), "Vert.x to close");
        }
    }

    private Histogram rawLatency(int rate, Duration duration) throws Exception {
        String topic = context.unique("raw-latency");
        kafka.createTopic(topic, PARTITIONS);
        try (RawKafkaConsumer consumer =
                new RawKafkaConsumer(kafka.bootstrap(), context.unique("raw"), topic, maxPollRecords())) {
            consumer.startBackground();
            awaitAssigned();
            int produced = offer(topic, rate, duration);
            Counts.await(consumer::received, produced, "the raw Kafka consumer", Duration.ofSeconds(60));
            return consumer.ageMicros();
        }
    }

    private Histogram sluiceLatency(int rate, Duration duration) throws Exception {
        String topic = context.unique("sluice-latency");
        kafka.createTopic(topic, PARTITIONS);
        Vertx vertx = Vertx.vertx();
        try {
            Sluice sluice = InProcessSluice.start(vertx, "kafka-latency", config(topic, context.unique("sluice")));
            NoopSink sink = NoopSinkFactory.sink("drop");
            awaitAssigned();
            int produced = offer(topic, rate, duration);
            Counts.await(sink::delivered, produced, "Sluice's no-op sink", Duration.ofSeconds(60));
            Waits.await(sluice.stop(), "Sluice to stop");
            return sink.ageMicros();
        } finally {
            Waits.await(vertx.close(), "Vert.x to close");
        }
    }

    /**
     * Gives a new group time to join and be assigned its partitions, so the first records' age does
     * not include the group's join (both consumers start from the oldest offset, so nothing is
     * missed either way).
     */
    private static void awaitAssigned() throws InterruptedException {
        Thread.sleep(3_000);
    }

    /** Produces {@code rate} records a second for the duration, paced by the clock; returns how many. */
    private int offer(String topic, int rate, Duration duration) {
        context.progress("offering {} records/s for {} s to '{}'", rate, duration.toSeconds(), topic);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int produced = 0;
        for (long now = start; now < end; now = System.nanoTime()) {
            long due = (now - start) * rate / 1_000_000_000L;
            while (produced < due) {
                kafka.send(topic, ("key-" + produced).getBytes(StandardCharsets.UTF_8), value(produced));
                produced++;
            }
            LockSupport.parkNanos(200_000);
        }
        kafka.flush();
        return produced;
    }

    private String config(String topic, String group) {
        String deadLetters = context.unique("dlq");
        jetStream.deleteOnClose(deadLetters);
        return InProcessSluice.head(context.natsUrl(), deadLetters)
                + String.join(
                        "\n",
                        "sources:",
                        "  - {name: topic, type: kafka, bootstrap-servers: '" + kafka.bootstrap() + "', group: "
                                + group + ", topics: [" + topic + "], initial-offset: oldest, max-inflight: "
                                + maxInflight + "}",
                        "sinks:",
                        "  - {name: drop, type: noop, concurrency: 256}",
                        "routes:",
                        "  - {name: drain, from: [topic], to: [drop], max-inflight: " + maxInflight + "}",
                        "");
    }

    private String fill(int count) throws InterruptedException {
        String topic = context.unique("topic");
        long started = System.nanoTime();
        kafka.createTopic(topic, PARTITIONS);
        kafka.fill(topic, PARTITIONS, count, KafkaScenario::value);
        context.progress("{} records stored in '{}' in {} ms", count, topic, millisSince(started));
        return topic;
    }

    /** A JSON object padded to {@link #VALUE_BYTES}. */
    private static byte[] value(int n) {
        String head = "{\"n\":" + n + ",\"pad\":\"";
        String tail = "\"}";
        return (head + "x".repeat(VALUE_BYTES - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    /** What Sluice's source sets: {@code min(500, max-inflight)}. */
    private int maxPollRecords() {
        return Math.min(500, maxInflight);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** One drain of the topic by one group. */
    private record Drain(int count, double seconds, long commitLagMillis, List<double[]> series) {
        double throughput() {
            return count / seconds;
        }
    }
}
