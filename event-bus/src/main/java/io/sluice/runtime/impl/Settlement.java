package io.sluice.runtime.impl;

import io.sluice.pipeline.Outcome;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Counts the unsettled outputs of one event and reports once they have all settled.
 *
 * <p>A settlement starts with one hold, released by {@link #seal()} once every output has been
 * forked, so it cannot complete while outputs are still being added. Each {@link #fork()} adds an
 * output, settled by exactly one of {@link #delivered()}, {@link #deadLettered()} or {@link
 * #failed}. A child settlement (a route's share of an event, a sink's replies) is one output of its
 * parent. Thread-safe: outputs settle on whichever event loop their sink runs on.
 */
final class Settlement {

    private final AtomicInteger pending = new AtomicInteger(1);
    private final AtomicInteger forks = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean deadLettered;
    private final Consumer<Settlement> onComplete;

    private Settlement(Consumer<Settlement> onComplete) {
        this.onComplete = onComplete;
    }

    /** A root settlement, reported to the listener once complete. */
    static Settlement root(Consumer<Settlement> onComplete) {
        return new Settlement(onComplete);
    }

    /**
     * A child that is one output of this settlement; {@code onComplete} runs before the parent
     * hears of it (a route frees its in-flight slot there).
     */
    Settlement child(Runnable onComplete) {
        return child(child -> onComplete.run());
    }

    /** As {@link #child(Runnable)}, telling {@code onComplete} how the child settled. */
    Settlement child(Consumer<Settlement> onComplete) {
        fork();
        return new Settlement(child -> {
            onComplete.accept(child);
            if (child.failure() != null) {
                failed(child.failure());
            } else if (child.deadLettered) {
                deadLettered();
            } else {
                delivered();
            }
        });
    }

    /** Adds one output to wait for. */
    void fork() {
        forks.incrementAndGet();
        pending.incrementAndGet();
    }

    /** Releases the initial hold: every output has been forked. */
    void seal() {
        release();
    }

    void delivered() {
        release();
    }

    void deadLettered() {
        deadLettered = true;
        release();
    }

    /** An output could be neither delivered nor dead-lettered: the source must redeliver. */
    void failed(Throwable cause) {
        failure.compareAndSet(null, cause);
        release();
    }

    /** The first unrecoverable failure, or {@code null}. */
    Throwable failure() {
        return failure.get();
    }

    /** How the event settled; meaningful once complete and without failure. */
    Outcome outcome() {
        if (forks.get() == 0) {
            return Outcome.UNROUTED;
        }
        return deadLettered ? Outcome.DEAD_LETTERED : Outcome.DELIVERED;
    }

    private void release() {
        int left = pending.decrementAndGet();
        if (left == 0) {
            onComplete.accept(this);
        } else if (left < 0) {
            throw new IllegalStateException("an output of this event settled twice");
        }
    }
}
