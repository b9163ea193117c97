package io.sluice.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Charts latency distributions: milliseconds at p50, p90, p99, p99.9, p99.99 and max, one line each. */
public final class LatencyChart {

    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};
    private static final List<String> LABELS = List.of("p50", "p90", "p99", "p99.9", "p99.99", "max");

    private LatencyChart() {}

    /**
     * A chart of each named histogram, whose values are microseconds.
     *
     * @param histograms legend label to histogram, in legend order
     */
    public static Chart of(String file, String title, Map<String, Histogram> histograms) {
        List<Series> series = new ArrayList<>();
        histograms.forEach((name, histogram) -> {
            double[] xs = new double[LABELS.size()];
            double[] ys = new double[LABELS.size()];
            for (int i = 0; i < PERCENTILES.length; i++) {
                xs[i] = i;
                ys[i] = histogram.getValueAtPercentile(PERCENTILES[i]) / 1000.0;
            }
            xs[PERCENTILES.length] = PERCENTILES.length;
            ys[PERCENTILES.length] = histogram.getMaxValue() / 1000.0;
            series.add(new Series(name, xs, ys));
        });
        return new Chart(file, title, "percentile", "latency (ms)", series, LABELS, List.of());
    }
}
