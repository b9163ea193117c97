package io.sluice.benchmarks.report;

import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Chart} as a self-contained SVG document: axes with rounded ticks, one polyline
 * per series, shaded bands and a legend. Plain text, so reports need no plotting library and diff
 * well.
 */
final class SvgChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 380;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 70;
    private static final int TICKS = 5;
    private static final List<String> COLOURS = List.of("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd");

    private final Chart chart;
    private final double xMin;
    private final double xMax;
    private final double yMax;
    private final StringBuilder svg = new StringBuilder();

    private SvgChart(Chart chart) {
        this.chart = chart;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double top = 0;
        for (Series s : chart.series()) {
            for (double x : s.xs()) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            top = Math.max(top, s.maxY());
        }
        for (Chart.Band band : chart.bands()) {
            lo = Math.min(lo, band.from());
            hi = Math.max(hi, band.to());
        }
        // Time axes start at zero, so runs of different lengths compare at a glance.
        this.xMin = Double.isInfinite(lo) ? 0 : Math.min(0, lo);
        this.xMax = hi <= xMin ? xMin + 1 : hi;
        this.yMax = niceCeiling(top <= 0 ? 1 : top * 1.05);
    }

    /** The chart as an SVG document. */
    static String render(Chart chart) {
        return new SvgChart(chart).draw();
    }

    private String draw() {
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">\n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(WIDTH / 2.0, 22, "middle", "font-size=\"15\" font-weight=\"bold\"", chart.title());
        chart.bands().forEach(this::band);
        yAxis();
        xAxis();
        for (int i = 0; i < chart.series().size(); i++) {
            line(chart.series().get(i), COLOURS.get(i % COLOURS.size()));
        }
        legend();
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void yAxis() {
        for (int i = 0; i <= TICKS; i++) {
            double value = yMax * i / TICKS;
            double y = py(value);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y));
            text(LEFT - 6, y + 4, "end", "", number(value));
        }
        double middle = TOP + (HEIGHT - TOP - BOTTOM) / 2.0;
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>\n",
                middle,
                middle,
                escape(chart.yLabel())));
    }

    private void xAxis() {
        int baseline = HEIGHT - BOTTOM;
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
                LEFT,
                baseline,
                WIDTH - RIGHT,
                baseline));
        if (chart.categories().isEmpty()) {
            for (int i = 0; i <= TICKS; i++) {
                double value = xMin + (xMax - xMin) * i / TICKS;
                text(px(value), baseline + 16, "middle", "", number(value));
            }
        } else {
            for (int i = 0; i < chart.categories().size(); i++) {
                text(px(i), baseline + 16, "middle", "", chart.categories().get(i));
            }
        }
        text(LEFT + (WIDTH - LEFT - RIGHT) / 2.0, baseline + 34, "middle", "", chart.xLabel());
    }

    private void band(Chart.Band band) {
        double from = px(band.from());
        double to = px(band.to());
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#f5c6c6\" fill-opacity=\"0.5\"/>\n",
                from,
                TOP,
                Math.max(1, to - from),
                HEIGHT - TOP - BOTTOM));
        text((from + to) / 2, TOP + 14, "middle", "fill=\"#a33\"", band.label());
    }

    private void line(Series series, String colour) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < series.xs().length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(series.xs()[i]), py(series.ys()[i])));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n",
                colour,
                points.toString().trim()));
    }

    private void legend() {
        double x = LEFT;
        int y = HEIGHT - 14;
        for (int i = 0; i < chart.series().size(); i++) {
            String colour = COLOURS.get(i % COLOURS.size());
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>\n",
                    x,
                    y - 4,
                    colour));
            String name = chart.series().get(i).name();
            text(x + 18, y, "start", "", name);
            x += 40 + name.length() * 7;
        }
    }

    private void text(double x, double y, String anchor, String attributes, String content) {
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>\n",
                x,
                y,
                anchor,
                attributes,
                escape(content)));
    }

    private double px(double x) {
        double min = chart.categories().isEmpty() ? xMin : -0.5;
        double max = chart.categories().isEmpty() ? xMax : chart.categories().size() - 0.5;
        return LEFT + (x - min) / (max - min) * (WIDTH - LEFT - RIGHT);
    }

    private double py(double y) {
        return HEIGHT - BOTTOM - y / yMax * (HEIGHT - TOP - BOTTOM);
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^n at or above the value, so ticks are round. */
    static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 10 || abs == 0) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return abs >= 1 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
