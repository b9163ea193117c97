package io.sluice.connector.ai.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ApiFailureTest {

    private static final Buffer ERROR = Buffer.buffer("{\"error\":{\"message\":\"Rate limit reached\"}}");

    @Test
    void tooManyRequestsIsTransientWithRetryAfterSeconds() {
        ApiFailure failure = ApiFailure.of(
                "http://api", "m", 429, MultiMap.caseInsensitiveMultiMap().add("Retry-After", "7"), ERROR);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failure).hasMessage("model API 'http://api' answered 429 for model 'm': Rate limit reached");
    }

    @Test
    void azureRetryAfterMillisecondsWins() {
        MultiMap headers =
                MultiMap.caseInsensitiveMultiMap().add("retry-after-ms", "1500").add("Retry-After", "2");

        assertThat(ApiFailure.retryAfter(headers)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        String inTenSeconds =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));

        Duration wait = ApiFailure.retryAfter(MultiMap.caseInsensitiveMultiMap().add("Retry-After", inTenSeconds));

        assertThat(wait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void serverErrorsAreTransientAndOtherClientErrorsPermanent() {
        MultiMap none = MultiMap.caseInsensitiveMultiMap();

        assertThat(ApiFailure.of("u", "m", 503, none, null).retryable()).isTrue();
        assertThat(ApiFailure.of("u", "m", 401, none, ERROR).retryable()).isFalse();
        assertThat(ApiFailure.of("u", "m", 404, none, ERROR).retryable()).isFalse();
    }

    @Test
    void bodyThatIsNotJsonIsQuotedRaw() {
        ApiFailure failure = ApiFailure.of(
                "u", "m", 502, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("<html>Bad Gateway</html>"));

        assertThat(failure).hasMessageEndingWith("<html>Bad Gateway</html>");
    }
}
