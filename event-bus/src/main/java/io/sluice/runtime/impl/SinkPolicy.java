package io.sluice.runtime.impl;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.SinkException;
import java.time.Duration;
import java.util.Set;

/**
 * A sink's declared resilience, read from the keys every sink shares: {@code concurrency}, {@code
 * timeout}, {@code rate}, {@code retry} and {@code circuit-breaker}. Built on Resilience4j.
 */
final class SinkPolicy {

    /** The keys the core reads from every sink; a sink factory reads the rest. */
    static final Set<String> KEYS = Set.of("concurrency", "timeout", "rate", "retry", "circuit-breaker");

    final int concurrency;
    final Duration timeout;
    final int maxAttempts;
    final IntervalFunction backoff;
    final Duration maxWait;
    final RateLimiter rateLimiter;
    final CircuitBreaker breaker;

    private SinkPolicy(
            int concurrency,
            Duration timeout,
            int maxAttempts,
            IntervalFunction backoff,
            Duration maxWait,
            RateLimiter rateLimiter,
            CircuitBreaker breaker) {
        this.concurrency = concurrency;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxWait = maxWait;
        this.rateLimiter = rateLimiter;
        this.breaker = breaker;
    }

    static SinkPolicy from(ComponentConfig sink, boolean sinkOwnsRetries) {
        int concurrency = sink.integer("concurrency", 16, 1, 10_000);
        // A sink that retries by itself spends its whole retry schedule inside one send, bounding
        // each attempt on its own (the function sink's upstream-timeout); a core timeout of 30 s
        // would give up on work still running. It gets no core timeout unless one is set.
        Duration timeout =
                sink.positiveDuration("timeout", sinkOwnsRetries ? Duration.ofDays(1) : Duration.ofSeconds(30));

        ComponentConfig retry = sink.section("retry");
        int maxAttempts = sinkOwnsRetries ? 1 : retry.integer("max-attempts", 5, 1, 1000);
        if (sinkOwnsRetries && sink.has("retry")) {
            throw sink.problem(
                    "retry",
                    "is not read for sink type '"
                            + sink.type()
                            + "', which retries by its own protocol; configure its retries with its own options",
                    null);
        }
        Duration initial = retry.positiveDuration("initial-wait", Duration.ofSeconds(1));
        Duration maxWait = retry.positiveDuration("max-wait", Duration.ofSeconds(60));
        double multiplier = retry.integer("multiplier", 2, 1, 10);
        String mode = retry.oneOf("backoff", "exponential", "exponential", "full", "equal");
        IntervalFunction backoff = backoff(mode, initial, multiplier, maxWait);

        RateLimiter limiter = null;
        ComponentConfig rate = sink.section("rate");
        if (sink.has("rate")) {
            int limit = rate.integer("limit", 0, 1, 1_000_000);
            Duration period = rate.positiveDuration("period", Duration.ofSeconds(1));
            limiter = RateLimiter.of(
                    sink.name(),
                    RateLimiterConfig.custom()
                            .limitForPeriod(limit)
                            .limitRefreshPeriod(period)
                            .timeoutDuration(Duration.ofDays(1))
                            .build());
        }

        CircuitBreaker breaker = null;
        ComponentConfig cb = sink.section("circuit-breaker");
        if (cb.bool("enabled", sink.has("circuit-breaker"))) {
            breaker = CircuitBreaker.of(
                    sink.name(),
                    CircuitBreakerConfig.custom()
                            .failureRateThreshold(cb.integer("failure-rate-threshold", 50, 1, 100))
                            .minimumNumberOfCalls(cb.integer("minimum-calls", 10, 1, 10_000))
                            .slidingWindowSize(cb.integer("window", 20, 1, 10_000))
                            .waitDurationInOpenState(cb.positiveDuration("open-wait", Duration.ofSeconds(30)))
                            .permittedNumberOfCallsInHalfOpenState(cb.integer("half-open-calls", 3, 1, 1000))
                            // Resilience4j also opens on slow calls (over 60 s by default); a sink that is
                            // slow but answering is back-pressure, not failure: only the timeout decides.
                            .slowCallDurationThreshold(timeout.plusSeconds(1))
                            .recordException(e -> !(e instanceof SinkException) || ((SinkException) e).retryable())
                            .build());
        }
        return new SinkPolicy(concurrency, timeout, maxAttempts, backoff, maxWait, limiter, breaker);
    }

    /**
     * The wait before retry {@code n} (1-based), honouring a {@code Retry-After} within the cap.
     */
    long delayMillis(int retry, Duration retryAfter) {
        long computed = backoff.apply(retry);
        if (retryAfter != null) {
            computed = Math.max(computed, retryAfter.toMillis());
        }
        return Math.min(computed, maxWait.toMillis());
    }

    private static IntervalFunction backoff(String mode, Duration initial, double multiplier, Duration max) {
        IntervalFunction exponential = IntervalFunction.ofExponentialBackoff(initial, multiplier, max);
        switch (mode) {
            case "full":
                return attempt -> (long) (Math.random() * exponential.apply(attempt));
            case "equal":
                return attempt -> {
                    long wait = exponential.apply(attempt);
                    return wait / 2 + (long) (Math.random() * (wait / 2.0));
                };
            default:
                return exponential;
        }
    }
}
