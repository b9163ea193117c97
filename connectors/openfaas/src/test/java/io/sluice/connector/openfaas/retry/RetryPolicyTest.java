package io.sluice.connector.openfaas.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.defaults();

    @Test
    void defaultsMatchTheQueueWorker() {
        RetryPolicy defaults = RetryPolicy.defaults();

        assertThat(defaults.maxRetryAttempts()).isEqualTo(10);
        assertThat(defaults.initialRetryWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.maxRetryWait()).isEqualTo(Duration.ofSeconds(120));
        assertThat(defaults.retryHttpCodes()).containsExactly(408, 429, 500, 502, 503, 504);
        assertThat(defaults.backoff()).isEqualTo(Backoff.EXPONENTIAL);
        assertThat(defaults)
                .hasToString("RetryPolicy{max-retry-attempts=10, initial-retry-wait=10s, max-retry-wait=2m0s,"
                        + " retry-http-codes=[408, 429, 500, 502, 503, 504],"
                        + " backoff=exponential}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void retriesTheConfiguredCodes(int status) {
        boolean retry = policy.shouldRetry(status, Map.of(), 1);

        assertThat(retry).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {200, 202, 301, 400, 401, 403, 404, 409, 422, 501})
    void doesNotRetryOtherStatuses(int status) {
        boolean retry = policy.shouldRetry(status, Map.of(), 1);

        assertThat(retry).isFalse();
    }

    @Test
    void retriesUntilMaxRetryAttemptsRetriesHaveBeenMade() {
        RetryPolicy threeRetries = RetryPolicy.builder().maxRetryAttempts(3).build();

        List<Boolean> decisions = List.of(
                threeRetries.shouldRetry(503, Map.of(), 1),
                threeRetries.shouldRetry(503, Map.of(), 3),
                threeRetries.shouldRetry(503, Map.of(), 4));

        assertThat(decisions).containsExactly(true, true, false);
    }

    @Test
    void neverRetriesWhenMaxRetryAttemptsIsZero() {
        RetryPolicy noRetries = RetryPolicy.builder().maxRetryAttempts(0).build();

        boolean retry = noRetries.shouldRetry(503, Map.of(), 1);

        assertThat(retry).isFalse();
    }

    @Test
    void alwaysRetriesErrorsFromOpenFaasCoreComponents() {
        Map<String, List<String>> headers = Map.of("x-openfaas-internal", List.of("gateway"));

        boolean retry = policy.shouldRetry(404, headers, 1);

        assertThat(retry).isTrue();
    }

    @Test
    void readsTheInternalHeaderFromVertxHeaders() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-OpenFaaS-Internal", "provider");

        boolean retry = policy.shouldRetry(502, headers, 1);

        assertThat(retry).isTrue();
        assertThat(policy.shouldRetry(404, headers, 1)).isTrue();
        assertThat(policy.shouldRetry(404, headers, 11)).isFalse();
    }

    @Test
    void doesNotRetrySuccessEvenFromACoreComponent() {
        Map<String, List<String>> headers = Map.of("X-OpenFaaS-Internal", List.of("gateway"));

        boolean retry = policy.shouldRetry(200, headers, 1);

        assertThat(retry).isFalse();
    }

    @Test
    void rejectsAnAttemptCountBelowOne() {
        assertThatThrownBy(() -> policy.shouldRetry(503, Map.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attemptsSoFar must be at least 1, was 0");
    }
}
