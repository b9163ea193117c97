package io.sluice.connector.ai.impl;

import java.util.function.LongSupplier;

/**
 * A tokens-per-minute budget: a bucket of one minute's tokens that refills continuously. A call
 * reserves its estimated tokens up front and learns how long to wait before it may go; the balance
 * may go negative, so later calls wait for the debt to refill, in the order they reserved. Once the
 * API reports what the call really used, the difference is settled.
 *
 * <p>Not thread-safe: one sink, one event loop.
 */
final class TokenBucket {

    private final double capacity;
    private final double perMilli;
    private final LongSupplier clock;
    private double tokens;
    private long updatedAt;

    /**
     * @param perMinute tokens per minute, also the most the bucket holds
     * @param clock milliseconds, e.g. {@code System::currentTimeMillis}
     */
    TokenBucket(int perMinute, LongSupplier clock) {
        this.capacity = perMinute;
        this.perMilli = perMinute / 60_000.0;
        this.clock = clock;
        this.tokens = perMinute;
        this.updatedAt = clock.getAsLong();
    }

    /**
     * Takes the tokens (at most a full bucket, so one large call cannot wait forever) and returns the
     * milliseconds to wait before they are covered; 0 to go at once.
     */
    long reserve(long estimate) {
        refill();
        tokens -= Math.min(estimate, capacity);
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perMilli);
    }

    /** Settles a call: {@code actual - estimate} more tokens are taken (fewer when negative). */
    void settle(long estimate, long actual) {
        refill();
        tokens = Math.min(capacity, tokens - (actual - Math.min(estimate, (long) capacity)));
    }

    private void refill() {
        long now = clock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - updatedAt) * perMilli);
        updatedAt = now;
    }
}
