package io.sluice.processors.impl;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The keys seen within the last window, at most {@code maxEntries} of them. Keys are kept in the
 * order they were first seen, which is also the order they expire in, so expiry and eviction only
 * ever look at the oldest entries: each call costs O(1) amortised.
 *
 * <p>Not thread-safe: its processor uses it from the route's event loop only.
 */
final class DedupeWindow {

    private final long windowNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final Map<String, Long> firstSeen = new LinkedHashMap<>();
    private long evicted;

    /**
     * @param windowNanos how long a key is remembered after it is first seen
     * @param maxEntries the most keys held; the oldest is forgotten early to make room
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    DedupeWindow(long windowNanos, int maxEntries, LongSupplier nanoClock) {
        this.windowNanos = windowNanos;
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /** Records the key; tells whether it was already seen within the window. */
    boolean seenBefore(String key) {
        long now = nanoClock.getAsLong();
        expire(now);
        if (firstSeen.containsKey(key)) {
            return true;
        }
        firstSeen.put(key, now);
        if (firstSeen.size() > maxEntries) {
            removeOldest();
            evicted++;
        }
        return false;
    }

    /** Forgets the key, so it is new again. */
    void forget(String key) {
        firstSeen.remove(key);
    }

    private void expire(long now) {
        Iterator<Long> oldest = firstSeen.values().iterator();
        while (oldest.hasNext() && now - oldest.next() >= windowNanos) {
            oldest.remove();
        }
    }

    private void removeOldest() {
        Iterator<String> oldest = firstSeen.keySet().iterator();
        oldest.next();
        oldest.remove();
    }

    /** Keys held now. */
    int size() {
        return firstSeen.size();
    }

    /** Keys forgotten before their window ended, to stay within the bound. */
    long evicted() {
        return evicted;
    }
}
