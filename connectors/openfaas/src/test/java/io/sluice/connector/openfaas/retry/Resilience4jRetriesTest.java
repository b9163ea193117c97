package io.sluice.connector.openfaas.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.vertx.core.MultiMap;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class Resilience4jRetriesTest {

    /** A function response as a sink would see it. */
    record Response(int status, MultiMap headers) {
        static Response of(int status, String... headers) {
            MultiMap map = MultiMap.caseInsensitiveMultiMap();
            for (int i = 0; i < headers.length; i += 2) {
                map.add(headers[i], headers[i + 1]);
            }
            return new Response(status, map);
        }
    }

    @Test
    void countsTheFirstCallAsAnAttempt() {
        RetryPolicy policy = RetryPolicy.builder().maxRetryAttempts(10).build();

        RetryConfig config =
                Resilience4jRetries.retryConfig(policy, Response::status, Response::headers, new Random(1));

        assertThat(config.getMaxAttempts()).isEqualTo(11);
    }

    @Test
    void retriesTheResponsesThePolicyRetries() {
        RetryConfig config = Resilience4jRetries.retryConfig(
                RetryPolicy.defaults(), Response::status, Response::headers, new Random(1));

        Predicate<Object> retryOnResult = config.getResultPredicate();

        assertThat(retryOnResult.test(Response.of(429))).isTrue();
        assertThat(retryOnResult.test(Response.of(404))).isFalse();
        assertThat(retryOnResult.test(Response.of(404, "X-OpenFaaS-Internal", "gateway")))
                .isTrue();
        assertThat(config.getExceptionPredicate().test(new IOException("reset")))
                .isTrue();
    }

    @Test
    void waitsAsThePolicyDecidesIncludingRetryAfter() {
        var intervals = Resilience4jRetries.intervalBiFunction(
                RetryPolicy.defaults(), Response::status, Response::headers, new Random(1));

        List<Long> waits = List.of(
                intervals.apply(1, Either.right(Response.of(503))),
                intervals.apply(3, Either.right(Response.of(500))),
                intervals.apply(2, Either.right(Response.of(429, "Retry-After", "30"))),
                intervals.apply(2, Either.left(new IOException("reset"))));

        assertThat(waits).containsExactly(10_000L, 40_000L, 30_000L, 20_000L);
    }

    @Test
    void returnsTheLastResponseWhenRetriesRunOut() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetryAttempts(2)
                .initialRetryWait(Duration.ofMillis(1))
                .maxRetryWait(Duration.ofMillis(2))
                .build();
        Retry retry = Retry.of(
                "fn", Resilience4jRetries.retryConfig(policy, Response::status, Response::headers, new Random(1)));
        Deque<Response> responses = new ArrayDeque<>(List.of(Response.of(503), Response.of(502), Response.of(500)));
        Supplier<Response> invoke = Retry.decorateSupplier(retry, responses::removeFirst);

        Response last = invoke.get();

        assertThat(last.status()).isEqualTo(500);
        assertThat(responses).isEmpty();
    }
}
