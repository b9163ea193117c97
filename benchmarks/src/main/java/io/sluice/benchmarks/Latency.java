package io.sluice.benchmarks;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Latency percentiles in milliseconds, read from an HdrHistogram recorded in microseconds.
 *
 * @param count how many values were recorded
 */
public record Latency(long count, double p50, double p99, double p999, double max) {

    /** Reads the percentiles of a histogram whose values are microseconds. */
    public static Latency ofMicros(Histogram micros) {
        return new Latency(
                micros.getTotalCount(),
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getValueAtPercentile(99.9) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }

    /**
     * A histogram for microsecond values up to an hour, at three significant digits; safe to record
     * into from several threads (event loops) while another reads it.
     */
    public static Histogram microsHistogram() {
        return new SynchronizedHistogram(3_600_000_000L, 3);
    }
}
