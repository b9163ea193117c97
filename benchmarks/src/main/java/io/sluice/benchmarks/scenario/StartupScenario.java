package io.sluice.benchmarks.scenario;

import io.sluice.benchmarks.Figure;
import io.sluice.benchmarks.Scenario;
import io.sluice.benchmarks.ScenarioContext;
import io.sluice.benchmarks.ScenarioResult;
import io.sluice.benchmarks.baseline.HelloVertx;
import io.sluice.benchmarks.report.Chart;
import io.sluice.benchmarks.report.Series;
import io.sluice.benchmarks.support.ChildProcess;
import io.sluice.benchmarks.support.JetStreamFixture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code startup}: launches {@code java -jar app/target/sluice-app.jar run} as a separate process
 * and times it until {@code /health/ready} answers 200 (every source connected to NATS), then reads
 * its idle resident memory; the same for a bare Vert.x hello-world process on the same JVM.
 */
public final class StartupScenario implements Scenario {

    private static final Duration READY_BOUND = Duration.ofSeconds(60);

    private ScenarioContext context;

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "Time from launching `java -jar app/target/sluice-app.jar run` (the OpenFaaS pipeline of"
                + " examples/openfaas-async.yaml against the local NATS) to `/health/ready` 200, and its idle"
                + " RSS (VmRSS), against a bare Vert.x hello-world process started the same way by the same JVM;"
                + " medians of the launches.";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        this.context = context;
        if (!Files.isRegularFile(context.appJar())) {
            throw new IllegalStateException(context.appJar() + " is missing; build it with `mvn -B -q install"
                    + " -DskipTests -Dcheckstyle.skip -Dspotless.check.skip=true -pl app -am`");
        }
        int launches = context.count("launches", 1, 5);
        Duration idle = context.pick(Duration.ofSeconds(1), Duration.ofSeconds(5));
        double[] sluiceMs = new double[launches];
        double[] sluiceRss = new double[launches];
        double[] helloMs = new double[launches];
        double[] helloRss = new double[launches];
        try (JetStreamFixture jetStream = new JetStreamFixture(context.natsUrl())) {
            for (int i = 0; i < launches; i++) {
                context.progress("launch {} of {}", i + 1, launches);
                double[] hello = launchHello(idle);
                helloMs[i] = hello[0];
                helloRss[i] = hello[1];
                double[] sluice = launchSluice(jetStream, idle);
                sluiceMs[i] = sluice[0];
                sluiceRss[i] = sluice[1];
            }
        }
        return result(launches, idle, sluiceMs, sluiceRss, helloMs, helloRss);
    }

    private double[] launchSluice(JetStreamFixture jetStream, Duration idle) throws Exception {
        int admin = ChildProcess.freePort();
        String stream = context.unique("requests");
        String deadLetters = context.unique("dlq");
        jetStream.deleteOnClose(stream);
        jetStream.deleteOnClose(deadLetters);
        Path config = Files.createTempFile("sluice-bench-startup", ".yaml");
        Files.writeString(config, config(admin, ChildProcess.freePort(), stream, deadLetters));
        List<String> command = List.of(
                ChildProcess.javaBinary(), "-jar", context.appJar().toString(), "run", "--config", config.toString());
        try {
            return measure(command, URI.create("http://127.0.0.1:" + admin + "/health/ready"), "sluice", idle);
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private double[] launchHello(Duration idle) throws Exception {
        int port = ChildProcess.freePort();
        List<String> command = List.of(
                ChildProcess.javaBinary(),
                "-cp",
                System.getProperty("java.class.path"),
                HelloVertx.class.getName(),
                Integer.toString(port));
        return measure(command, URI.create("http://127.0.0.1:" + port + "/health/ready"), "hello-vertx", idle);
    }

    private double[] measure(List<String> command, URI ready, String who, Duration idle) throws Exception {
        Path log = context.reportDir().resolve("startup-" + who + ".log");
        try (ChildProcess process = ChildProcess.launch(command, log)) {
            Duration took = process.awaitReady(ready, READY_BOUND);
            Thread.sleep(idle.toMillis());
            return new double[] {took.toNanos() / 1e6, process.residentMib()};
        }
    }

    private String config(int admin, int http, String stream, String deadLetters) {
        return String.join(
                "\n",
                "http: {port: " + http + ", host: 127.0.0.1}",
                "admin: {port: " + admin + ", host: 127.0.0.1}",
                "nats: {url: '" + context.natsUrl() + "'}",
                "shutdown-grace: 0s",
                "dead-letter: {type: jetstream, stream: " + deadLetters + ", subject: " + deadLetters + "}",
                "sources:",
                "  - {name: faas-queue, type: openfaas-queue, stream: " + stream + ", subject: " + stream
                        + ", durable: faas-workers, max-inflight: 50, ack-wait: 60s}",
                "  - {name: front-door, type: openfaas-async-http, stream: " + stream + ", subject: " + stream + "}",
                "sinks:",
                "  - {name: function, type: openfaas-function, gateway-url: 'http://127.0.0.1:9', concurrency: 50}",
                "  - {name: callback, type: openfaas-callback, concurrency: 16}",
                "routes:",
                "  - {name: invoke, from: [faas-queue], to: [function], max-inflight: 256}",
                "  - {name: callbacks, from: [function], to: [callback]}",
                "");
    }

    private ScenarioResult result(
            int launches, Duration idle, double[] sluiceMs, double[] sluiceRss, double[] helloMs, double[] helloRss) {
        Figure ready = new Figure(
                name(),
                "launch → /health/ready 200 (median)",
                "ms",
                median(sluiceMs),
                median(helloMs),
                "info (no target in issue 7)",
                Figure.Verdict.INFO,
                null,
                null);
        Figure rss = new Figure(
                name(),
                String.format(Locale.ROOT, "idle RSS %d s after ready (median)", idle.toSeconds()),
                "MiB",
                median(sluiceRss),
                median(helloRss),
                "info (no target in issue 7)",
                Figure.Verdict.INFO,
                null,
                null);
        List<Chart> charts = List.of(
                Chart.lines(
                        "startup-ready.svg",
                        "startup: launch → ready, per launch",
                        "launch",
                        "ms",
                        List.of(perLaunch("Sluice", sluiceMs), perLaunch("hello Vert.x", helloMs))),
                Chart.lines(
                        "startup-rss.svg",
                        "startup: idle RSS, per launch",
                        "launch",
                        "MiB",
                        List.of(perLaunch("Sluice", sluiceRss), perLaunch("hello Vert.x", helloRss))));
        List<String> notes = List.of(
                String.format(
                        Locale.ROOT,
                        "%d launch(es) each, alternating; no JVM options for either (default heap sizing); Sluice"
                                + " ready means its admin listener is up and both sources are connected to NATS.",
                        launches),
                "Per launch, Sluice ms: " + Arrays.toString(sluiceMs) + "; hello ms: " + Arrays.toString(helloMs),
                "Child output: startup-sluice.log and startup-hello-vertx.log next to this report.");
        return new ScenarioResult(name(), List.of(ready, rss), charts, notes);
    }

    private static Series perLaunch(String name, double[] values) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new double[] {i + 1, values[i]});
        }
        return Series.of(name, points);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
