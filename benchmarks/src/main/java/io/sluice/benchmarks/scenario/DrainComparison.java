package io.sluice.benchmarks.scenario;

import io.sluice.benchmarks.Figure;
import io.sluice.benchmarks.Latency;
import io.sluice.benchmarks.report.Chart;
import io.sluice.benchmarks.report.LatencyChart;
import io.sluice.benchmarks.report.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * What the drain scenarios ({@code queue}, {@code kafka}) report alike: Sluice and a raw consumer
 * drain the same backlog in rounds, the median round counts, then both take a fixed rate and their
 * latencies are set side by side.
 */
final class DrainComparison {

    private DrainComparison() {}

    /** The round with the median throughput (the higher middle one for an even count). */
    static <T> T median(List<T> rounds, ToDoubleFunction<T> throughput) {
        List<T> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(throughput));
        return sorted.get(sorted.size() / 2);
    }

    /** The p99 latency row, for information. */
    static Figure p99(String scenario, String metric, Histogram sluice, Histogram baseline) {
        return new Figure(
                scenario,
                metric,
                "ms",
                Latency.ofMicros(sluice).p99(),
                Latency.ofMicros(baseline).p99(),
                "info",
                Figure.Verdict.INFO,
                null,
                null);
    }

    /** Per-second rates over the median rounds, Sluice's first. */
    static Chart throughputChart(
            String file,
            String title,
            String xLabel,
            String unit,
            String baseline,
            List<double[]> sluiceSeries,
            List<double[]> baselineSeries) {
        return Chart.lines(
                file,
                title,
                xLabel,
                unit,
                List.of(Series.of("Sluice", sluiceSeries), Series.of(baseline, baselineSeries)));
    }

    /** Latency percentiles, Sluice's first. */
    static Chart latencyChart(String file, String title, String baseline, Histogram sluice, Histogram baselineAge) {
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        histograms.put("Sluice", sluice);
        histograms.put(baseline, baselineAge);
        return LatencyChart.of(file, title, histograms);
    }
}
