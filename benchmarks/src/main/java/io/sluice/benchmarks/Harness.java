package io.sluice.benchmarks;

import io.sluice.benchmarks.report.Machine;
import io.sluice.benchmarks.report.MarkdownReport;
import io.sluice.benchmarks.report.ScenarioRun;
import io.sluice.benchmarks.scenario.Scenarios;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark command line: {@code [--smoke] [--out DIR] [scenario…|all]}. Runs the scenarios in
 * order and writes {@code report.md} with its SVG charts into the report directory (by default
 * {@code benchmarks/reports/<timestamp>}). Exits 0 when every scenario measured (whatever the
 * verdicts), 2 on a bad command line, 3 when a scenario could not measure.
 */
public final class Harness {

    private static final Logger LOG = LoggerFactory.getLogger("io.sluice.benchmarks.progress");

    private Harness() {}

    public static void main(String[] args) {
        HarnessOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            LOG.error(
                    "{}\nusage: run.sh [--smoke] [--out DIR] [scenario…|all]; scenarios: {}; or run.sh jmh",
                    e.getMessage(),
                    String.join(", ", Scenarios.names()));
            System.exit(2);
            return;
        }
        try {
            Outcome outcome = run(options);
            LOG.info("report: {}", outcome.report());
            System.exit(outcome.allMeasured() ? 0 : 3);
        } catch (IOException e) {
            LOG.error("could not write the report: {}", e.toString(), e);
            System.exit(3);
        }
    }

    /** Runs the scenarios and writes the report. */
    public static Outcome run(HarnessOptions options) throws IOException {
        Machine machine = Machine.current();
        LOG.info(
                "{} run of {} on {} cores, load {}; report in {}",
                options.smoke() ? "smoke" : "full",
                options.scenarios(),
                machine.cores(),
                Machine.loadAverage(),
                options.reportDir());
        List<ScenarioRun> runs = new ArrayList<>();
        boolean allMeasured = true;
        for (String name : options.scenarios()) {
            ScenarioRun run = runOne(options, name);
            allMeasured &= run.result().figures().stream().allMatch(f -> Double.isFinite(f.sluice()));
            run.result()
                    .figures()
                    .forEach(f -> LOG.info(
                            "{}: {} — Sluice {} vs baseline {} {} (ratio {}, {})",
                            f.scenario(),
                            f.metric(),
                            round(f.sluice()),
                            round(f.baseline()),
                            f.unit(),
                            round(f.ratio()),
                            f.verdict()));
            runs.add(run);
        }
        Path report = MarkdownReport.write(options.reportDir(), options.smoke(), machine, runs);
        return new Outcome(report, allMeasured);
    }

    private static ScenarioRun runOne(HarnessOptions options, String name) {
        String loadBefore = Machine.loadAverage();
        long started = System.nanoTime();
        Optional<Scenario> scenario = Scenarios.create(name);
        ScenarioResult result;
        String description;
        if (scenario.isEmpty()) {
            description = Scenarios.whyUnavailable(name).orElse("unknown");
            result = ScenarioResult.failed(name, description);
        } else {
            description = scenario.get().description();
            LOG.info("{}: starting (load {})", name, loadBefore);
            try {
                result = scenario.get().run(new ScenarioContext(options, name));
            } catch (Exception e) {
                LOG.error("{}: could not measure: {}", name, e.toString(), e);
                result = ScenarioResult.failed(name, e.toString());
            }
        }
        return new ScenarioRun(
                result, description, loadBefore, Machine.loadAverage(), Duration.ofNanos(System.nanoTime() - started));
    }

    static HarnessOptions parse(String[] args) {
        boolean smoke = false;
        Path out = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke":
                    smoke = true;
                    break;
                case "--out":
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--out needs a directory");
                    }
                    out = Path.of(args[++i]);
                    break;
                case "all":
                    names.addAll(Scenarios.all());
                    break;
                default:
                    if (!Scenarios.names().contains(args[i])) {
                        throw new IllegalArgumentException("unknown scenario or option '" + args[i] + "'");
                    }
                    names.add(args[i]);
            }
        }
        if (names.isEmpty()) {
            names.addAll(Scenarios.all());
        }
        if (out == null) {
            out = Path.of(
                    "benchmarks",
                    "reports",
                    LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        return new HarnessOptions(
                smoke,
                names,
                out,
                natsUrl(),
                Path.of(System.getProperty("sluice.app.jar", "app/target/sluice-app.jar")));
    }

    /** {@code NATS_URL}, which must point at this machine: the scenarios never leave 127.0.0.1. */
    static String natsUrl() {
        String url = Optional.ofNullable(System.getenv("NATS_URL")).orElse("nats://127.0.0.1:4222");
        String host = URI.create(url).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("NATS_URL must point at 127.0.0.1, got " + url);
        }
        return url;
    }

    private static String round(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "—";
    }

    /**
     * What a run produced.
     *
     * @param report the path of {@code report.md}
     * @param allMeasured whether every scenario measured (verdicts aside)
     */
    public record Outcome(Path report, boolean allMeasured) {}
}
