package io.sluice.benchmarks.report;

import java.util.List;

/**
 * A line chart the report draws as SVG.
 *
 * @param file the SVG's file name in the report directory, e.g. {@code queue-throughput.svg}
 * @param title the heading drawn above the plot
 * @param xLabel the x axis' label with its unit
 * @param yLabel the y axis' label with its unit
 * @param series the lines
 * @param categories labels of x = 0, 1, 2… for a categorical x axis (latency percentiles); empty
 *     for a numeric one
 * @param bands shaded x ranges, e.g. the stall window
 */
public record Chart(
        String file,
        String title,
        String xLabel,
        String yLabel,
        List<Series> series,
        List<String> categories,
        List<Band> bands) {

    public Chart {
        series = List.copyOf(series);
        categories = List.copyOf(categories);
        bands = List.copyOf(bands);
    }

    /** A chart over a numeric x axis without bands. */
    public static Chart lines(String file, String title, String xLabel, String yLabel, List<Series> series) {
        return new Chart(file, title, xLabel, yLabel, series, List.of(), List.of());
    }

    /** A labelled, shaded x range. */
    public record Band(String label, double from, double to) {}
}
