package io.sluice.benchmarks.scenario;

import io.sluice.benchmarks.Figure;
import io.sluice.benchmarks.Latency;
import io.sluice.benchmarks.Scenario;
import io.sluice.benchmarks.ScenarioContext;
import io.sluice.benchmarks.ScenarioResult;
import io.sluice.benchmarks.report.Chart;
import io.sluice.benchmarks.report.Series;
import io.sluice.benchmarks.support.FixedRatePublisher;
import io.sluice.benchmarks.support.InProcessSluice;
import io.sluice.benchmarks.support.Invocations;
import io.sluice.benchmarks.support.JetStreamFixture;
import io.sluice.benchmarks.support.LocalFunction;
import io.sluice.benchmarks.support.Sampler;
import io.sluice.benchmarks.support.Waits;
import io.sluice.runtime.Sluice;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code stall}: a fixed offered rate of invocations into JetStream while the function stops
 * answering for a window, then recovers. Samples heap used every 500 ms and measures the live heap
 * (after {@link System#gc()}) before and at the end of the stall; then proves every message was
 * invoked and acknowledged.
 */
public final class StallScenario implements Scenario {

    private static final double MIB = 1024.0 * 1024.0;
    private static final double GROWTH_TARGET_MIB = 64;
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(500);
    private static final int MAX_LETTERS = 10_000;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private ScenarioContext context;

    @Override
    public String name() {
        return "stall";
    }

    @Override
    public String description() {
        return "A fixed rate of queued invocations while the function stops answering (requests held open) for"
                + " the stall window: Sluice must stop pulling instead of buffering (heap growth ≤ 64 MiB) and"
                + " settle every message after recovery. Baseline: the live heap in steady flow just before the"
                + " stall, same run.";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        this.context = context;
        Plan plan = new Plan(
                context.count("rate", 1_000, 5_000),
                context.pick(Duration.ofSeconds(2), Duration.ofSeconds(10)),
                Duration.ofSeconds(context.count("stall-seconds", 3, 60)),
                context.pick(Duration.ofSeconds(1), Duration.ofSeconds(5)));
        Vertx harness = Vertx.vertx();
        Vertx vertx = Vertx.vertx();
        try (JetStreamFixture jetStream = new JetStreamFixture(context.natsUrl())) {
            LocalFunction function = LocalFunction.start(harness);
            String stream = context.unique("requests");
            String deadLetters = context.unique("dlq");
            jetStream.createWorkQueue(stream);
            jetStream.deleteOnClose(deadLetters);
            Sluice sluice = InProcessSluice.start(vertx, "stall", config(stream, deadLetters, function, plan.stall()));
            Measured measured = measure(plan, jetStream, stream, function, sluice);
            Waits.await(sluice.stop(), "Sluice to stop");
            return result(measured);
        } finally {
            Waits.await(vertx.close(), "Sluice's Vert.x to close");
            Waits.await(harness.close(), "the harness's Vert.x to close");
        }
    }

    /** Offers the rate throughout; warm, stall, release, then drain until every message settled. */
    private Measured measure(
            Plan plan, JetStreamFixture jetStream, String stream, LocalFunction function, Sluice sluice)
            throws Exception {
        Sampler heap = Sampler.gauge(SAMPLE_EVERY, this::heapUsedMib, () -> {}).start();
        Sampler invoked = Sampler.rate(
                        SAMPLE_EVERY,
                        function::invocations,
                        () -> context.progress(
                                "{} invocations, {} held, heap used {} MiB",
                                function.invocations(),
                                function.heldCount(),
                                Math.round(heapUsedMib())))
                .start();
        FixedRatePublisher publisher = new FixedRatePublisher(
                        jetStream.connection(),
                        stream,
                        plan.rate(),
                        (n, sent) -> Invocations.queueRequest("stalling", n, null, sent))
                .start(plan.warm().plus(plan.stall()).plus(plan.after()));
        // The timeline itself is what is measured: sleeping here paces the phases, it waits for no outcome.
        Thread.sleep(plan.warm().toMillis());
        double before = liveHeapMib();
        double stallFrom = heap.elapsedSeconds();
        function.hold();
        context.progress(
                "function stalled for {} s at {} msg/s offered", plan.stall().toSeconds(), plan.rate());
        Thread.sleep(plan.stall().toMillis());
        double atEnd = liveHeapMib();
        double stallTo = heap.elapsedSeconds();
        int held = function.heldCount();
        function.release();
        context.progress("function answering again; it released {} held invocations", held);
        publisher.awaitDone();
        jetStream.flush();
        int published = publisher.published();
        Settlement settled = settle(jetStream, stream, function, published, context.pick(60, 600));
        int deadLettered = Waits.await(sluice.deadLetters().list(MAX_LETTERS), "dead letters")
                .size();
        return new Measured(
                plan,
                published,
                settled,
                deadLettered,
                new double[] {before, atEnd, liveHeapMib()},
                stallFrom,
                stallTo,
                heap.stop(),
                invoked.stop(),
                Latency.ofMicros(function.ageMicros()));
    }

    private Settlement settle(
            JetStreamFixture jetStream, String stream, LocalFunction function, int published, int boundSeconds)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(boundSeconds).toNanos();
        long lastLog = System.nanoTime();
        long left = jetStream.state(stream).getMsgCount();
        while ((function.distinctSeen(published) < published || left > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = jetStream.state(stream).getMsgCount();
            if (System.nanoTime() - lastLog > Duration.ofSeconds(3).toNanos()) {
                lastLog = System.nanoTime();
                context.progress(
                        "draining: {} of {} invoked, {} still in the stream",
                        function.distinctSeen(published),
                        published,
                        left);
            }
        }
        return new Settlement(function.distinctSeen(published), left);
    }

    private String config(String stream, String deadLetters, LocalFunction function, Duration stall) {
        // The function may hold a request for the whole stall: both the function sink's upstream
        // timeout and the core's sink timeout (30 s by default) must outlast it, or held invocations
        // would time out and be dead-lettered, which is a different scenario.
        long timeoutSeconds = stall.toSeconds() + 60;
        return InProcessSluice.head(context.natsUrl(), deadLetters)
                + String.join(
                        "\n",
                        "sources:",
                        "  - {name: queue, type: openfaas-queue, stream: " + stream + ", subject: " + stream
                                + ", durable: workers, create-stream: false, ack-wait: 30s, max-inflight: 256,"
                                + " fetch-batch: 50}",
                        "sinks:",
                        "  - {name: function, type: openfaas-function, gateway-url: '" + function.url() + "',"
                                + " concurrency: 64, connections: 64, upstream-timeout: " + timeoutSeconds + "s,"
                                + " timeout: " + timeoutSeconds + "s}",
                        "routes:",
                        "  - {name: invoke, from: [queue], to: [function], max-inflight: 512}",
                        "");
    }

    private ScenarioResult result(Measured m) {
        double growth = m.atEnd() - m.before();
        long lost = m.published() - m.settled().invoked();
        // Dead letters are settled, not lost; but here every invocation should have been delivered.
        boolean nothingLost = lost == 0 && m.settled().leftInStream() == 0 && m.deadLettered() == 0;
        Figure heap = new Figure(
                name(),
                String.format(
                        Locale.ROOT,
                        "live heap at the end of a %d s stall (growth %.1f MiB)",
                        m.plan().stall().toSeconds(),
                        growth),
                "MiB",
                m.atEnd(),
                m.before(),
                "growth ≤ 64 MiB",
                growth <= GROWTH_TARGET_MIB ? Figure.Verdict.PASS : Figure.Verdict.FAIL,
                null,
                null);
        Figure settledFigure = new Figure(
                name(),
                "invoked, acked, none dead-lettered after recovery (of published)",
                "msgs",
                m.settled().invoked(),
                m.published(),
                "ratio = 1, stream empty",
                nothingLost ? Figure.Verdict.PASS : Figure.Verdict.FAIL,
                m.age(),
                null);
        Chart heapChart = new Chart(
                "stall-heap.svg",
                "stall: heap used (MemoryMXBean, no forced GC) every 500 ms",
                "seconds",
                "heap used (MiB)",
                List.of(Series.of("heap used", m.heapSeries())),
                List.of(),
                List.of(new Chart.Band("stall", m.stallFrom(), m.stallTo())));
        Chart rateChart = new Chart(
                "stall-throughput.svg",
                "stall: function invocations per second",
                "seconds",
                "invocations/s",
                List.of(Series.of("invocations", m.rateSeries())),
                List.of(),
                List.of(new Chart.Band("stall", m.stallFrom(), m.stallTo())));
        List<String> notes = List.of(
                String.format(
                        Locale.ROOT,
                        "Offered %,d msg/s with core NATS publishes into a file-backed work-queue stream; %,d"
                                + " published. Sluice: openfaas-queue (max-inflight 256, fetch-batch 50) →"
                                + " openfaas-function (concurrency 64, 64 connections).",
                        m.plan().rate(),
                        m.published()),
                String.format(
                        Locale.ROOT,
                        "Live heap = MemoryMXBean heap used right after System.gc() (a full G1 collection): %.1f MiB"
                                + " before the stall, %.1f MiB at its end, %.1f MiB after the drain. The 500 ms series"
                                + " is heap used without forcing GC, so it includes garbage awaiting collection."
                                + " Harness (publisher, local function) and Sluice share the JVM.",
                        m.before(),
                        m.atEnd(),
                        m.afterDrain()),
                String.format(
                        Locale.ROOT,
                        "Invocations were back at half the offered rate %.1f s after the stall ended."
                                + " After recovery: %,d of %,d distinct"
                                + " invocations seen, %d message(s) left in the stream,"
                                + " %d dead letter(s). Latency columns: each invocation's age at the function"
                                + " (now − X-Start-Time), stall included.",
                        resumedAfter(m),
                        m.settled().invoked(),
                        m.published(),
                        m.settled().leftInStream(),
                        m.deadLettered()));
        return new ScenarioResult(name(), List.of(heap, settledFigure), List.of(heapChart, rateChart), notes);
    }

    /**
     * Seconds from the end of the stall until invocations run at half the offered rate again; NaN if
     * never. A few invocations right after the release do not count: what matters is the flow.
     */
    private static double resumedAfter(Measured m) {
        for (double[] point : m.rateSeries()) {
            if (point[0] > m.stallTo() && point[1] >= m.plan().rate() / 2.0) {
                return point[0] - m.stallTo();
            }
        }
        return Double.NaN;
    }

    private double heapUsedMib() {
        return memory.getHeapMemoryUsage().getUsed() / MIB;
    }

    /**
     * Heap used right after an explicit full collection: what is really retained. The explicit GC
     * is the measurement itself, taken only at the three points that matter, not every sample.
     */
    private double liveHeapMib() {
        System.gc();
        return heapUsedMib();
    }

    private record Settlement(int invoked, long leftInStream) {}

    /** The load: offered rate, then warm-up, stall and after-stall durations of publishing. */
    private record Plan(int rate, Duration warm, Duration stall, Duration after) {}

    /**
     * What one run measured.
     *
     * @param liveHeap live heap in MiB before the stall, at its end, and after the drain
     */
    private record Measured(
            Plan plan,
            int published,
            Settlement settled,
            int deadLettered,
            double[] liveHeap,
            double stallFrom,
            double stallTo,
            List<double[]> heapSeries,
            List<double[]> rateSeries,
            Latency age) {

        double before() {
            return liveHeap[0];
        }

        double atEnd() {
            return liveHeap[1];
        }

        double afterDrain() {
            return liveHeap[2];
        }
    }
}
