package io.sluice.benchmarks.support;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocks the harness thread (never an event loop) on a Vert.x future, with a bound. */
public final class Waits {

    private static final Duration DEFAULT_BOUND = Duration.ofSeconds(60);

    private Waits() {}

    /** The future's result within a minute; fails naming what was awaited. */
    public static <T> T await(Future<T> future, String what) {
        return await(future, what, DEFAULT_BOUND);
    }

    /** The future's result within the bound; fails naming what was awaited. */
    public static <T> T await(Future<T> future, String what, Duration bound) {
        try {
            return future.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("gave up waiting for " + what + " after " + bound.toSeconds() + " s", e);
        }
    }
}
