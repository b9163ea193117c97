package io.sluice.benchmarks.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Samples a value at a fixed interval on its own daemon thread, for time-series charts, and runs a
 * progress callback every few seconds. Times are seconds since {@link #start()}.
 */
public final class Sampler implements AutoCloseable {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);

    private final Duration interval;
    private final DoubleSupplier probe;
    private final Runnable progress;
    private final List<double[]> points = new ArrayList<>();
    private ScheduledExecutorService timer;
    private long startedNanos;
    private long lastProgressNanos;

    private Sampler(Duration interval, DoubleSupplier probe, Runnable progress) {
        this.interval = interval;
        this.probe = probe;
        this.progress = progress;
    }

    /** Samples the value itself, e.g. heap used. */
    public static Sampler gauge(Duration interval, DoubleSupplier value, Runnable progress) {
        return new Sampler(interval, value, progress);
    }

    /** Samples how fast a counter grows, per second over each interval. */
    public static Sampler rate(Duration interval, LongSupplier counter, Runnable progress) {
        long[] last = {counter.getAsLong(), System.nanoTime()};
        return new Sampler(
                interval,
                () -> {
                    long now = System.nanoTime();
                    long value = counter.getAsLong();
                    double perSecond = (value - last[0]) * 1e9 / Math.max(1, now - last[1]);
                    last[0] = value;
                    last[1] = now;
                    return perSecond;
                },
                progress);
    }

    /** Starts sampling; the first point is one interval in. */
    public Sampler start() {
        startedNanos = System.nanoTime();
        lastProgressNanos = startedNanos;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-sampler");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::sample, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Seconds since {@link #start()}. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /**
     * Stops sampling and returns the points as {@code [seconds, value]}, the last one taken now, so
     * a run shorter than one interval still has a point.
     */
    public List<double[]> stop() {
        close();
        sample();
        synchronized (points) {
            return List.copyOf(points);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void sample() {
        long now = System.nanoTime();
        double value = probe.getAsDouble();
        synchronized (points) {
            points.add(new double[] {(now - startedNanos) / 1e9, value});
        }
        if (now - lastProgressNanos >= PROGRESS_EVERY.toNanos()) {
            lastProgressNanos = now;
            progress.run();
        }
    }
}
