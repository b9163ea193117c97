package io.sluice.connector.ai.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final TokenBucket bucket = new TokenBucket(6000, now::get); // 100 tokens a second

    @Test
    void aFullMinuteGoesAtOnce() {
        assertThat(bucket.reserve(3000)).isZero();
        assertThat(bucket.reserve(3000)).isZero();
    }

    @Test
    void debtIsWaitedOffAtTheRefillRate() {
        bucket.reserve(6000);

        long wait = bucket.reserve(200);

        assertThat(wait).isEqualTo(2000);
    }

    @Test
    void reportedUsageSettlesTheEstimate() {
        bucket.reserve(100);
        bucket.settle(100, 6000);

        long wait = bucket.reserve(100);

        assertThat(wait).isEqualTo(1000);
    }

    @Test
    void refundedCallsFreeTheirTokens() {
        bucket.reserve(6000);
        bucket.settle(6000, 0);

        assertThat(bucket.reserve(6000)).isZero();
    }

    @Test
    void refillNeverExceedsOneMinute() {
        now.addAndGet(600_000);
        bucket.reserve(6000);

        assertThat(bucket.reserve(100)).isEqualTo(1000);
    }

    @Test
    void aCallLargerThanTheBucketWaitsForAFullBucketAtMost() {
        bucket.reserve(6000);

        long wait = bucket.reserve(1_000_000);

        assertThat(wait).isEqualTo(60_000);
    }
}
