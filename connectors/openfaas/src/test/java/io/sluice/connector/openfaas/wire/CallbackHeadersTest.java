package io.sluice.connector.openfaas.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackHeadersTest {

    @Test
    void putsFunctionHeadersFirstThenTheWorkersInItsOrder() {
        MultiMap response = MultiMap.caseInsensitiveMultiMap()
                .add("content-type", "text/plain")
                .add("Set-Cookie", "a=1")
                .add("Set-Cookie", "b=2");

        CallbackHeaders headers = CallbackHeaders.of(response, Duration.ofNanos(2_885_000), 200, "figlet", "call-1");

        assertThat(headers.entries())
                .containsExactly(
                        Map.entry("Content-Type", "text/plain"),
                        Map.entry("Set-Cookie", "a=1"),
                        Map.entry("Set-Cookie", "b=2"),
                        Map.entry("X-Duration-Seconds", "0.002885"),
                        Map.entry("X-Function-Status", "200"),
                        Map.entry("X-Function-Name", "figlet"),
                        Map.entry("X-Call-Id", "call-1"));
    }

    @Test
    void overridesTheFunctionsOwnValuesForTheWorkersHeaders() {
        MultiMap response = MultiMap.caseInsensitiveMultiMap()
                .add("X-Call-Id", "function-id")
                .add("X-Function-Status", "999")
                .add("X-Duration-Seconds", "9");

        CallbackHeaders headers = CallbackHeaders.of(response, Duration.ofSeconds(1), 500, "f", "call-1");

        assertThat(headers.entries())
                .containsExactly(
                        Map.entry("X-Duration-Seconds", "1.000000"),
                        Map.entry("X-Function-Status", "500"),
                        Map.entry("X-Function-Name", "f"),
                        Map.entry("X-Call-Id", "call-1"));
    }

    @Test
    void leavesTheFunctionsCallIdWhenTheRequestHadNone() {
        MultiMap response = MultiMap.caseInsensitiveMultiMap().add("X-Call-Id", "function-id");

        CallbackHeaders headers = CallbackHeaders.of(response, Duration.ZERO, 200, "f", "");

        assertThat(headers.get("x-call-id")).contains("function-id");
    }

    @Test
    void dropsHeadersThatDescribeTheFunctionsConnection() {
        MultiMap response = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Length", "12")
                .add("Transfer-Encoding", "chunked")
                .add("Connection", "keep-alive, X-Hop")
                .add("Keep-Alive", "timeout=5")
                .add("X-Hop", "1")
                .add("Trailer", "Expires")
                .add("X-Kept", "yes");

        CallbackHeaders headers = CallbackHeaders.of(response, Duration.ZERO, 200, "f", "id");

        assertThat(headers.entries())
                .extracting(Map.Entry::getKey)
                .containsExactly("X-Kept", "X-Duration-Seconds", "X-Function-Status", "X-Function-Name", "X-Call-Id");
    }

    @Test
    void reportsA503WithOnlyTheWorkersHeadersAfterATransportError() {
        CallbackHeaders headers = CallbackHeaders.of(null, Duration.ofMillis(30_001), 503, "f", "id");

        assertThat(headers.entries())
                .containsExactly(
                        Map.entry("X-Duration-Seconds", "30.001000"),
                        Map.entry("X-Function-Status", "503"),
                        Map.entry("X-Function-Name", "f"),
                        Map.entry("X-Call-Id", "id"));
    }

    @Test
    void appendsProRetryHeadersLast() {
        CallbackHeaders headers =
                CallbackHeaders.of(null, Duration.ZERO, 429, "f", "id").withRetries(10, 10);

        assertThat(headers.entries()).endsWith(Map.entry("X-Retry", "10"), Map.entry("X-Retry-Max", "10"));
        assertThat(headers.toMultiMap().get("x-retry-max")).isEqualTo("10");
    }

    @ParameterizedTest(name = "{0}ns -> {1}")
    @CsvSource({
        "0, 0.000000",
        "2885000, 0.002885",
        "1000000000, 1.000000",
        "123456789123, 123.456789",
        "999999999, 1.000000",
        "500, 0.000000",
        "501, 0.000001",
        "7812500, 0.007812"
    })
    void formatsDurationLikeGoPercentF(long nanos, String expected) {
        String formatted = CallbackHeaders.goSeconds(Duration.ofNanos(nanos));

        assertThat(formatted).isEqualTo(expected);
    }
}
