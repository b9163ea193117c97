package io.sluice.connector.openfaas.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetrySettingsTest {

    @Test
    void readsEverySettingFromConfiguration() {
        Map<String, String> settings = Map.of(
                "max-retry-attempts", "100",
                "initial-retry-wait", "500ms",
                "max-retry-wait", "2m",
                "retry-http-codes", "429,503",
                "backoff", "Equal",
                "unrelated-key", "ignored");

        RetryPolicy policy = RetryPolicy.fromSettings(settings);

        assertThat(policy.maxRetryAttempts()).isEqualTo(100);
        assertThat(policy.initialRetryWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.maxRetryWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.retryHttpCodes()).containsExactly(429, 503);
        assertThat(policy.backoff()).isEqualTo(Backoff.EQUAL);
    }

    @Test
    void usesDefaultsForAbsentSettings() {
        RetryPolicy policy = RetryPolicy.fromSettings(Map.of());

        assertThat(policy).isEqualTo(RetryPolicy.defaults());
    }

    @Test
    void acceptsAnEmptyCodeListSoOnlyCoreComponentErrorsAreRetried() {
        RetryPolicy policy = RetryPolicy.fromSettings(Map.of("retry-http-codes", ""));

        assertThat(policy.retryHttpCodes()).isEmpty();
        assertThat(policy.shouldRetry(503, Map.of(), 1)).isFalse();
        assertThat(policy.shouldRetry(503, Map.of("X-OpenFaaS-Internal", List.of("x")), 1))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "max-retry-attempts|-1|max-retry-attempts must be a whole number of at least 0, was \"-1\"",
                "max-retry-attempts|ten|max-retry-attempts must be a whole number of at least 0, was \"ten\"",
                "initial-retry-wait|10|initial-retry-wait must be a Go duration such as 10s, 2m or 500ms:"
                        + " invalid duration \"10\": missing unit",
                "max-retry-wait|-1s|max-retry-wait must not be negative, was \"-1s\"",
                "retry-http-codes|429,|retry-http-codes must be comma-separated HTTP statuses from 100 to 599,"
                        + " was \"429,\"",
                "retry-http-codes|429,600|retry-http-codes must be comma-separated HTTP statuses from 100 to 599",
                "backoff|random|backoff must be one of exponential, full, equal, was \"random\"",
                "initial-retry-wait|5m|initial-retry-wait (5m0s) must not exceed max-retry-wait (2m0s)"
            })
    void rejectsABadSettingNamingKeyRuleAndValue(String key, String value, String message) {
        assertThatThrownBy(() -> RetryPolicy.fromSettings(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void declaresEverySettingOnceWithDefaultUnitAndDescription() {
        List<RetrySetting> settings = List.of(RetrySetting.values());

        assertThat(settings).allSatisfy(setting -> {
            assertThat(setting.key()).matches("[a-z]+(-[a-z]+)*");
            assertThat(setting.unit()).isNotBlank();
            assertThat(setting.description()).isNotBlank();
            assertThat(RetryPolicy.fromSettings(Map.of(setting.key(), setting.defaultValue())))
                    .isEqualTo(RetryPolicy.defaults());
        });
    }
}
