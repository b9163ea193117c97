package io.sluice.benchmarks.support;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Waits on the harness thread for a counter to reach a value, within a bound. */
public final class Counts {

    private Counts() {}

    /**
     * Returns once the counter reached {@code count}.
     *
     * @throws IllegalStateException naming who fell short, and by how much, when the bound passes
     */
    public static void await(LongSupplier counter, long count, String who, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (counter.getAsLong() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        who + " got " + counter.getAsLong() + " of " + count + " within " + bound.toSeconds() + " s");
            }
            Thread.sleep(2);
        }
    }
}
