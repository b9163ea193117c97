package io.sluice.benchmarks.report;

import java.util.List;

/**
 * One line of a chart: points in drawing order.
 *
 * @param name the legend label
 * @param xs the x values (seconds, or category indexes)
 * @param ys the y values
 */
public record Series(String name, double[] xs, double[] ys) {

    public Series {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + xs.length + " x and " + ys.length + " y");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    /** A series from {@code [x, y]} pairs. */
    public static Series of(String name, List<double[]> points) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
        }
        return new Series(name, xs, ys);
    }

    /** The largest y, or 0 for an empty series. */
    double maxY() {
        double max = 0;
        for (double y : ys) {
            max = Math.max(max, y);
        }
        return max;
    }
}
