package io.sluice.connector.openfaas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsyncRequestsTest {

    private static final Supplier<String> FIXED_ID = () -> "generated-id";
    private static final long NOW = 1_700_000_000_123_456_789L;

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "/async-function/fn/a/b|/a/b",
                "/async-function/fn|''",
                "/async-function/fn/|/",
                "/async-function/fn.ns/employees/100|/employees/100",
                "async-function/fn/x|/x",
                "/function/fn/x|/x",
                "/other/path|/other/path"
            })
    void trimsThePathAsTheGatewayDoes(String requestPath, String expected) {
        String path = AsyncRequests.pathAfterFunction(requestPath);

        assertThat(path).isEqualTo(expected);
    }

    @Test
    void buildsTheRequestTheGatewayWouldQueue() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("content-type", "application/json")
                .add("authorization", "Bearer t")
                .add("x-callback-url", "http://recv:8888/cb?x=1");
        byte[] body = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);

        QueueRequest request = AsyncRequests.fromHttp(
                "figlet", "/async-function/figlet/sub/path", "a=1&b=2", "127.0.0.1:8080", headers, body, FIXED_ID, NOW);

        assertThat(request.function()).isEqualTo("figlet");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.host()).isEqualTo("127.0.0.1:8080");
        assertThat(request.path()).isEqualTo("/sub/path");
        assertThat(request.queryString()).isEqualTo("a=1&b=2");
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.headers())
                .containsKeys("Content-Type", "Authorization", "X-Callback-Url", "X-Call-Id", "X-Start-Time");
        assertThat(request.callId()).contains("generated-id");
        assertThat(request.headers().get("X-Start-Time")).containsExactly("1700000000123456789");
        assertThat(request.callbackUrl()).contains("http://recv:8888/cb?x=1");
    }

    @Test
    void decodesThePathAsGoDoesSoTheInvocationEscapesItOnce() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        QueueRequest request = AsyncRequests.fromHttp(
                "fn", "/async-function/fn/files/a%20b.txt", null, "gw", headers, null, FIXED_ID, NOW);

        assertThat(request.path()).isEqualTo("/files/a b.txt");
        assertThat(Invocations.functionUrl("http://gw:8080", request))
                .isEqualTo("http://gw:8080/function/fn/files/a%20b.txt");
    }

    @Test
    void rejectsAPathWithABadEscape() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        assertThatThrownBy(() -> AsyncRequests.fromHttp(
                        "fn", "/async-function/fn/100%", null, "gw", headers, null, FIXED_ID, NOW))
                .isInstanceOf(AsyncRequestException.class)
                .hasMessage("request path is not a valid URL path: invalid URL escape \"%\"");
    }

    @Test
    void keepsTheClientsCallId() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Call-Id", "client-id");

        QueueRequest request =
                AsyncRequests.fromHttp("fn", "/async-function/fn", null, "gw", headers, null, FIXED_ID, NOW);

        assertThat(request.headers().get("X-Call-Id")).containsExactly("client-id");
    }

    @Test
    void replacesAnEmptyCallIdSoTheWorkerCanReadIt() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Call-Id", "");

        QueueRequest request =
                AsyncRequests.fromHttp("fn", "/async-function/fn", null, "gw", headers, null, FIXED_ID, NOW);

        assertThat(request.headers().get("X-Call-Id")).containsExactly("generated-id");
    }

    @Test
    void appendsStartTimeAfterOneTheClientSent() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Start-Time", "1");

        QueueRequest request =
                AsyncRequests.fromHttp("fn", "/async-function/fn", null, "gw", headers, null, FIXED_ID, NOW);

        assertThat(request.headers().get("X-Start-Time")).isEqualTo(List.of("1", "1700000000123456789"));
    }

    @Test
    void keepsCallbackCredentialsThroughTheQueue() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Callback-Url", "https://bob:s3cret@recv/cb");

        QueueRequest queued =
                AsyncRequests.fromHttp("fn", "/async-function/fn", null, "gw", headers, null, FIXED_ID, NOW);
        QueueRequest dequeued = QueueRequest.decode(queued.encode());

        assertThat(dequeued.callbackUrl()).contains("https://bob:s3cret@recv/cb");
        assertThat(dequeued).isEqualTo(queued);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://recv:port/cb|X-Callback-Url is not a valid URL: invalid port \":port\" after host",
                "http://bob:s3cret@re cv/|X-Callback-Url is not a valid URL: invalid character \" \" in host name",
                "/relative/cb|X-Callback-Url must be an absolute http or https URL with a host",
                "ftp://recv/cb|X-Callback-Url must be an absolute http or https URL with a host",
                "http:///cb|X-Callback-Url must be an absolute http or https URL with a host"
            })
    void rejectsACallbackUrlTheWorkerCouldNotPostTo(String callbackUrl, String message) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Callback-Url", callbackUrl);

        assertThatThrownBy(() ->
                        AsyncRequests.fromHttp("fn", "/async-function/fn", null, "gw", headers, null, FIXED_ID, NOW))
                .isInstanceOf(AsyncRequestException.class)
                .hasMessage(message)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void rejectsAFunctionNameTheGatewayWouldNotRoute() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        assertThatThrownBy(() -> AsyncRequests.fromHttp(
                        "fn/x", "/async-function/fn/x", null, "gw", headers, null, FIXED_ID, NOW))
                .isInstanceOf(AsyncRequestException.class)
                .hasMessageContaining("function name must match");
    }
}
