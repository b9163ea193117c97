package io.sluice.connector.openfaas.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAnnotationsTest {

    private final RetryPolicy defaults = RetryPolicy.defaults();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void appliesEveryOverrideFromTheFunctionsAnnotations() {
        Map<String, String> annotations = Map.of(
                "com.openfaas.retry.attempts", "30",
                "com.openfaas.retry.codes", "429, 503",
                "com.openfaas.retry.min_wait", "5s",
                "com.openfaas.retry.max_wait", "1m");

        RetryPolicy policy = defaults.withAnnotations(annotations, warnings::add);

        assertThat(policy.maxRetryAttempts()).isEqualTo(30);
        assertThat(policy.retryHttpCodes()).containsExactly(429, 503);
        assertThat(policy.initialRetryWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.maxRetryWait()).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff()).isEqualTo(Backoff.EXPONENTIAL);
        assertThat(warnings).isEmpty();
    }

    @Test
    void keepsThePolicyWhenNoRetryAnnotationIsPresent() {
        Map<String, String> annotations = Map.of("topic", "orders", "com.openfaas.scale.min", "1");

        RetryPolicy policy = defaults.withAnnotations(annotations, warnings::add);

        assertThat(policy).isSameAs(defaults);
        assertThat(warnings).isEmpty();
    }

    @Test
    void fallsBackToTheDefaultForAnInvalidValueAndSaysSo() {
        Map<String, String> annotations = Map.of(
                "com.openfaas.retry.attempts", "lots",
                "com.openfaas.retry.min_wait", "5 seconds",
                "com.openfaas.retry.max_wait", "-1m",
                "com.openfaas.retry.codes", "429,abc");

        RetryPolicy policy = defaults.withAnnotations(annotations, warnings::add);

        assertThat(policy).isEqualTo(defaults);
        assertThat(warnings)
                .containsExactlyInAnyOrder(
                        "com.openfaas.retry.attempts must be a whole number of at least 0, was \"lots\"; using 10",
                        "com.openfaas.retry.min_wait must be a Go duration such as 10s, 2m or 500ms: invalid"
                                + " duration \"5 seconds\": unknown unit \" seconds\"; use one of ns, us, ms, s,"
                                + " m, h; using 10s",
                        "com.openfaas.retry.max_wait must not be negative, was \"-1m\"; using 2m0s",
                        "com.openfaas.retry.codes must be comma-separated HTTP statuses from 100 to 599, was"
                                + " \"429,abc\"; using [408, 429, 500, 502, 503, 504]");
    }

    @Test
    void keepsValidOverridesNextToAnInvalidOne() {
        Map<String, String> annotations =
                Map.of("com.openfaas.retry.attempts", "3", "com.openfaas.retry.max_wait", "soon");

        RetryPolicy policy = defaults.withAnnotations(annotations, warnings::add);

        assertThat(policy.maxRetryAttempts()).isEqualTo(3);
        assertThat(policy.maxRetryWait()).isEqualTo(defaults.maxRetryWait());
        assertThat(warnings).singleElement().asString().startsWith("com.openfaas.retry.max_wait ");
    }

    @Test
    void dropsWaitOverridesThatWouldPutTheMinimumAboveTheMaximum() {
        Map<String, String> annotations =
                Map.of("com.openfaas.retry.min_wait", "5m", "com.openfaas.retry.max_wait", "1m");

        RetryPolicy policy = defaults.withAnnotations(annotations, warnings::add);

        assertThat(policy.initialRetryWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.maxRetryWait()).isEqualTo(Duration.ofSeconds(120));
        assertThat(warnings)
                .singleElement()
                .asString()
                .isEqualTo("com.openfaas.retry.min_wait (5m0s) must not exceed com.openfaas.retry.max_wait"
                        + " (1m0s); using 10s and 2m0s");
    }

    @Test
    void logsInsteadWhenNoCallbackIsGiven() {
        Map<String, String> annotations = Map.of("com.openfaas.retry.attempts", "-2");

        RetryPolicy policy = defaults.withAnnotations(annotations);

        assertThat(policy).isEqualTo(defaults);
    }
}
