package io.sluice.processors.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DedupeWindowTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void staysWithinItsBoundUnderAMillionDistinctKeys() {
        DedupeWindow window = new DedupeWindow(TimeUnit.HOURS.toNanos(1), 10_000, now::get);
        int largest = 0;

        for (int i = 0; i < 1_000_000; i++) {
            window.seenBefore("id-" + i);
            largest = Math.max(largest, window.size());
        }

        assertThat(largest).isEqualTo(10_000);
        assertThat(window.size()).isEqualTo(10_000);
        assertThat(window.evicted()).isEqualTo(990_000);
    }

    @Test
    void evictsTheOldestKeyToMakeRoom() {
        DedupeWindow window = new DedupeWindow(TimeUnit.HOURS.toNanos(1), 2, now::get);
        window.seenBefore("a");
        window.seenBefore("b");

        window.seenBefore("c");

        assertThat(window.seenBefore("b")).isTrue();
        assertThat(window.seenBefore("c")).isTrue();
        assertThat(window.seenBefore("a")).isFalse();
    }

    @Test
    void remembersAKeyForTheWindowThenForgetsIt() {
        DedupeWindow window = new DedupeWindow(TimeUnit.SECONDS.toNanos(10), 100, now::get);
        window.seenBefore("a");

        now.set(TimeUnit.SECONDS.toNanos(9));
        boolean within = window.seenBefore("a");
        now.set(TimeUnit.SECONDS.toNanos(10));
        boolean after = window.seenBefore("a");

        assertThat(within).isTrue();
        assertThat(after).isFalse();
        assertThat(window.size()).isEqualTo(1);
    }
}
