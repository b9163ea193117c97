package io.sluice.benchmarks.support;

import io.sluice.benchmarks.Latency;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code total} operations with at most {@code window} unfinished at once; each
 * one that finishes starts the next. Records each operation's latency and the span from the first
 * start to the last finish, so throughput is operations over that span.
 */
public final class ClosedLoop {

    private final int total;
    private final int window;
    private final IntFunction<Future<?>> operation;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong lastFinishNanos = new AtomicLong();
    private final Histogram latency = Latency.microsHistogram();
    private final CountDownLatch done;
    private volatile String firstFailure;
    private long firstStartNanos;

    /**
     * @param operation starts operation {@code n}; its future completes when the operation is over
     *     (a response, or a callback) and fails when it went wrong
     */
    public ClosedLoop(int total, int window, IntFunction<Future<?>> operation) {
        this.total = total;
        this.window = window;
        this.operation = operation;
        this.done = new CountDownLatch(total);
    }

    /** Runs every operation, or fails when they do not all finish within the bound. */
    public Result run(Duration bound) throws InterruptedException {
        firstStartNanos = System.nanoTime();
        for (int i = 0; i < Math.min(window, total); i++) {
            next();
        }
        if (!done.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(finished.get() + " of " + total + " operations finished within "
                    + bound.toSeconds() + " s" + (firstFailure == null ? "" : "; first failure: " + firstFailure));
        }
        return new Result(
                finished.get(), failed.get(), (lastFinishNanos.get() - firstStartNanos) / 1e9, latency, firstFailure);
    }

    /** Operations finished so far, failed ones included. */
    public int finished() {
        return finished.get();
    }

    private void next() {
        int n = issued.getAndIncrement();
        if (n >= total) {
            return;
        }
        long started = System.nanoTime();
        Future<?> future;
        try {
            future = operation.apply(n);
        } catch (RuntimeException e) {
            future = Future.failedFuture(e);
        }
        future.onComplete(outcome -> {
            long now = System.nanoTime();
            if (outcome.succeeded()) {
                latency.recordValue(Math.max(0, (now - started) / 1000));
            } else {
                failed.incrementAndGet();
                if (firstFailure == null) {
                    firstFailure = outcome.cause().toString();
                }
            }
            lastFinishNanos.accumulateAndGet(now, Math::max);
            finished.incrementAndGet();
            done.countDown();
            next();
        });
    }

    /**
     * What a closed loop measured.
     *
     * @param seconds from the first start to the last finish
     * @param latencyMicros each successful operation's latency, in microseconds
     */
    public record Result(int finished, int failed, double seconds, Histogram latencyMicros, String firstFailure) {

        /** Successful operations per second. */
        public double throughput() {
            return (finished - failed) / seconds;
        }
    }
}
