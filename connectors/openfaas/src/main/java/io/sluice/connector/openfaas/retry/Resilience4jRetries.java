package io.sluice.connector.openfaas.retry;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.vertx.core.MultiMap;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Expresses a {@link RetryPolicy} as a Resilience4j {@link RetryConfig}, for callers that run
 * retries through Resilience4j rather than on Vert.x timers.
 *
 * <p>Resilience4j counts the first call as an attempt, so {@code maxAttempts} is {@code
 * maxRetryAttempts + 1}. A thrown exception is treated as the queue-worker treats a transport
 * error: as a 503 without headers. {@code failAfterMaxAttempts} is off, so the last response is
 * returned and can still be posted to the callback.
 */
public final class Resilience4jRetries {

    private Resilience4jRetries() {}

    /**
     * @param policy the policy to follow
     * @param status reads a response's HTTP status
     * @param headers reads a response's headers
     * @param random the source of jitter
     * @param <T> the response type
     * @return a config whose result predicate and intervals follow {@code policy}
     */
    public static <T> RetryConfig retryConfig(
            RetryPolicy policy, ToIntFunction<T> status, Function<T, MultiMap> headers, Random random) {
        int maxAttempts =
                policy.maxRetryAttempts() == Integer.MAX_VALUE ? Integer.MAX_VALUE : policy.maxRetryAttempts() + 1;
        return RetryConfig.<T>custom()
                .maxAttempts(maxAttempts)
                .retryOnResult(response -> policy.isRetryable(status.applyAsInt(response), headers.apply(response)))
                .retryOnException(failure -> policy.isRetryable(503, false))
                .intervalBiFunction(intervalBiFunction(policy, status, headers, random))
                .failAfterMaxAttempts(false)
                .build();
    }

    /**
     * @param policy the policy to follow
     * @param status reads a response's HTTP status
     * @param headers reads a response's headers, for {@code Retry-After}
     * @param random the source of jitter
     * @param <T> the response type
     * @return Resilience4j's interval function: the attempt number it passes is the retry number
     */
    public static <T> IntervalBiFunction<T> intervalBiFunction(
            RetryPolicy policy, ToIntFunction<T> status, Function<T, MultiMap> headers, Random random) {
        return (retryNumber, outcome) -> {
            if (outcome.isLeft()) {
                return policy.backoffBefore(retryNumber, random).toMillis();
            }
            T response = outcome.get();
            String retryAfter = headers.apply(response).get("Retry-After");
            return policy.delayBefore(retryNumber, status.applyAsInt(response), retryAfter, random)
                    .toMillis();
        };
    }
}
