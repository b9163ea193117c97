package io.sluice.benchmarks.report;

import io.sluice.benchmarks.Figure;
import io.sluice.benchmarks.Latency;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code report.md} and one SVG per chart into the report directory: the table of figures
 * first, then the machine and its load, then each scenario's notes and charts.
 */
public final class MarkdownReport {

    private final StringBuilder md = new StringBuilder();

    private MarkdownReport() {}

    /**
     * Writes the report and its charts.
     *
     * @return the path of {@code report.md}
     */
    public static Path write(Path dir, boolean smoke, Machine machine, List<ScenarioRun> runs) throws IOException {
        Files.createDirectories(dir);
        for (ScenarioRun run : runs) {
            for (Chart chart : run.result().charts()) {
                Files.writeString(dir.resolve(chart.file()), SvgChart.render(chart));
            }
        }
        Path report = dir.resolve("report.md");
        Files.writeString(report, new MarkdownReport().render(smoke, machine, runs));
        return report;
    }

    private String render(boolean smoke, Machine machine, List<ScenarioRun> runs) {
        md.append("# Sluice benchmarks — ").append(Instant.now()).append(smoke ? " (smoke)" : " (full)");
        md.append("\n\nEvery figure is Sluice's against a baseline doing the same work in the same run on this")
                .append(" machine; **ratio = Sluice ÷ baseline**. Latencies are HdrHistogram percentiles in ms.\n");
        if (smoke) {
            md.append("\n> Smoke run: seconds per scenario, to check the harness works. Its figures say nothing")
                    .append(" about speed and its verdicts are not meaningful.\n");
        }
        figures(runs);
        machine(machine, runs);
        for (ScenarioRun run : runs) {
            scenario(run);
        }
        return md.toString();
    }

    private void figures(List<ScenarioRun> runs) {
        md.append("\n| Scenario | Metric | Sluice | Baseline | Ratio | Target | Result |")
                .append(" Sluice p50 / p99 / p99.9 | Baseline p50 / p99 / p99.9 |\n");
        md.append("|---|---|--:|--:|--:|---|---|--:|--:|\n");
        for (ScenarioRun run : runs) {
            for (Figure f : run.result().figures()) {
                md.append("| ")
                        .append(f.scenario())
                        .append(" | ")
                        .append(f.metric())
                        .append(" | ")
                        .append(value(f.sluice(), f.unit()))
                        .append(" | ")
                        .append(value(f.baseline(), f.unit()))
                        .append(" | ")
                        .append(Double.isFinite(f.ratio()) ? String.format(Locale.ROOT, "%.2f", f.ratio()) : "—")
                        .append(" | ")
                        .append(f.target())
                        .append(" | ")
                        .append(verdict(f.verdict()))
                        .append(" | ")
                        .append(latency(f.sluiceLatency()))
                        .append(" | ")
                        .append(latency(f.baselineLatency()))
                        .append(" |\n");
            }
        }
    }

    private void machine(Machine machine, List<ScenarioRun> runs) {
        md.append("\n## Machine\n\n");
        md.append("- Cores: ")
                .append(machine.cores())
                .append("; memory: ")
                .append(machine.memory())
                .append('\n');
        md.append("- CPU: ").append(machine.cpu()).append('\n');
        md.append("- JDK: ").append(machine.jdk()).append('\n');
        md.append("- OS: ").append(machine.os()).append('\n');
        md.append("- Harness JVM options: `")
                .append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
                .append("`\n\n");
        md.append("| Scenario | Took | Load average before (1, 5, 15 min) | after |\n|---|--:|---|---|\n");
        for (ScenarioRun run : runs) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f s | %s | %s |%n",
                    run.result().scenario(),
                    run.took().toMillis() / 1000.0,
                    run.loadBefore(),
                    run.loadAfter()));
        }
    }

    private void scenario(ScenarioRun run) {
        md.append("\n## ").append(run.result().scenario()).append("\n\n");
        md.append(run.description()).append("\n\n");
        for (String note : run.result().notes()) {
            md.append("- ").append(note).append('\n');
        }
        for (Chart chart : run.result().charts()) {
            md.append("\n![")
                    .append(chart.title())
                    .append("](")
                    .append(chart.file())
                    .append(")\n");
        }
    }

    private static String value(double value, String unit) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        String number = Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    private static String latency(Latency latency) {
        if (latency == null || latency.count() == 0) {
            return "—";
        }
        return millis(latency.p50()) + " / " + millis(latency.p99()) + " / " + millis(latency.p999());
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.2f", value);
    }

    private static String verdict(Figure.Verdict verdict) {
        switch (verdict) {
            case PASS:
                return "pass";
            case FAIL:
                return "**FAIL**";
            default:
                return "info";
        }
    }
}
