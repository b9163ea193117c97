package io.sluice.connector.openfaas.wire;

import static io.sluice.connector.openfaas.wire.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueRequestDecodeTest {

    @Test
    void decodesCurrentFormFixture() {
        byte[] message = Fixtures.bytes(Fixtures.CURRENT);

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.function()).isEqualTo("figlet");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.host()).isEqualTo("127.0.0.1:8080");
        assertThat(request.path()).isEqualTo("/sub/path");
        assertThat(request.queryString()).isEqualTo("a=1&b=2");
        assertThat(request.queueName()).isEmpty();
        assertThat(request.body()).containsExactly('H', 'i', 0, 0xff);
        assertThat(request.headers()).containsKeys("Content-Type", "X-Call-Id", "X-Start-Time");
        assertThat(request.callId()).contains("0b8f3c4e-2a6d-4f1b-9c7e-5d3a1f8e6b20");
        assertThat(request.header("x-start-time")).contains("1700000000000000000");
        assertThat(request.callbackUrl()).contains("http://recv:8888/cb?x=1");
    }

    @Test
    void decodesPre2023FormToTheSameRequestAsCurrentForm() {
        byte[] pre2023 = Fixtures.bytes(Fixtures.PRE_2023);
        byte[] current = Fixtures.bytes(Fixtures.CURRENT);

        QueueRequest old = QueueRequest.decode(pre2023);
        QueueRequest now = QueueRequest.decode(current);

        assertThat(old).isEqualTo(now).hasSameHashCodeAs(now);
    }

    @Test
    void decodesPre2023FormWithNulls() {
        byte[] message = json("{\"Header\":{\"X-Call-Id\":[\"id-1\"]},\"Host\":\"gw:8080\","
                + "\"Body\":null,\"Method\":\"POST\",\"Path\":\"\",\"QueryString\":\"\","
                + "\"Function\":\"figlet\",\"QueueName\":\"\",\"CallbackUrl\":null}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.bodyLength()).isZero();
        assertThat(request.callbackUrl()).isEmpty();
        assertThat(request.queueName()).isEmpty();
        assertThat(request)
                .isEqualTo(QueueRequest.decode(
                        json("{\"Header\":{\"X-Call-Id\":[\"id-1\"]},\"Host\":\"gw:8080\",\"Method\":\"POST\","
                                + "\"Function\":\"figlet\"}")));
    }

    @Test
    void decodesGoUnicodeEscapes() {
        byte[] message = json("{\"Function\":\"f\",\"QueryString\":\"a=1\\u0026b=\\u003cx\\u003e\"}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.queryString()).isEqualTo("a=1&b=<x>");
    }

    @Test
    void matchesKeysCaseInsensitivelyLikeGo() {
        byte[] message = json("{\"function\":\"figlet\",\"PATH\":\"/a\",\"queryString\":\"q=1\","
                + "\"header\":{\"x-call-id\":[\"id-1\"]},\"callbackurl\":{\"scheme\":\"http\","
                + "\"HOST\":\"recv\",\"path\":\"/cb\"}}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.function()).isEqualTo("figlet");
        assertThat(request.path()).isEqualTo("/a");
        assertThat(request.queryString()).isEqualTo("q=1");
        assertThat(request.callId()).contains("id-1");
        assertThat(request.callbackUrl()).contains("http://recv/cb");
    }

    @Test
    void ignoresUnknownKeys() {
        byte[] message = json("{\"Function\":\"figlet\",\"Priority\":{\"a\":[1,2]},\"Extra\":7,"
                + "\"CallbackUrl\":{\"Scheme\":\"http\",\"Host\":\"recv\",\"Future\":[true]}}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.function()).isEqualTo("figlet");
        assertThat(request.callbackUrl()).contains("http://recv");
    }

    @Test
    void decodesAnnotationsLabelsAndEnvironment() {
        byte[] message = json("{\"Function\":\"f\",\"Annotations\":{\"com.openfaas.retry.attempts\":"
                + "\"30\"},\"Labels\":{\"team\":\"a\"},\"Environment\":{\"MODE\":\"x\"}}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.annotations()).containsExactly(Map.entry("com.openfaas.retry.attempts", "30"));
        assertThat(request.labels()).containsExactly(Map.entry("team", "a"));
        assertThat(request.environment()).containsExactly(Map.entry("MODE", "x"));
    }

    @Test
    void canonicalisesHeaderNamesAndMergesTheirValues() {
        byte[] message = json("{\"Function\":\"f\",\"Header\":{\"x-tenant\":[\"a\"],"
                + "\"X-TENANT\":[\"b\"],\"content-type\":[\"text/plain\"]}}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.headers())
                .containsExactly(
                        Map.entry("X-Tenant", List.of("a", "b")), Map.entry("Content-Type", List.of("text/plain")));
    }

    @Test
    void acceptsBase64WithLineBreaksAsGoDoes() {
        byte[] message = json("{\"Function\":\"f\",\"Body\":\"SGkA\\r\\n/w==\"}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.body()).containsExactly('H', 'i', 0, 0xff);
    }

    @Test
    void rejectsMissingFunctionFixtureNamingFunction() {
        byte[] message = Fixtures.bytes(Fixtures.MISSING_FUNCTION);

        assertThatThrownBy(() -> QueueRequest.decode(message))
                .isInstanceOf(QueueRequestException.class)
                .hasMessageContaining("Function is missing or empty")
                .extracting(e -> ((QueueRequestException) e).field())
                .isEqualTo(java.util.Optional.of("Function"));
    }

    @Test
    void reportsTheParserPositionForTextThatIsNotJson() {
        byte[] message = json("{\"Function\":\"f\",\n\"Body\": SGk=}");

        assertThatThrownBy(() -> QueueRequest.decode(message))
                .isInstanceOf(QueueRequestException.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("line 2, column");
    }
}
