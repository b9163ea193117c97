package io.sluice.connector.openfaas.wire;

import static io.sluice.connector.openfaas.wire.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueueRequestMalformedTest {

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("", null, "empty input"),
                Arguments.of("[]", null, "must be a JSON object, found an array"),
                Arguments.of("{\"Function\":\"f\"}{}", null, "content after the JSON value"),
                Arguments.of("{\"Method\":\"POST\"}", "Function", "Function is missing or empty"),
                Arguments.of("{\"Function\":\"\"}", "Function", "Function is missing or empty"),
                Arguments.of("{\"Function\":7}", "Function", "Function must be a string, found a number"),
                Arguments.of("{\"Function\":\"f\",\"Path\":[]}", "Path", "Path must be a string"),
                Arguments.of("{\"Function\":\"f\",\"Body\":\"!!!!\"}", "Body", "not standard base64"),
                Arguments.of("{\"Function\":\"f\",\"Body\":\"SGkA/w\"}", "Body", "padding is required"),
                Arguments.of("{\"Function\":\"f\",\"Body\":3}", "Body", "Body must be a string"),
                Arguments.of("{\"Function\":\"f\",\"Header\":\"x\"}", "Header", "Header must be an object"),
                Arguments.of(
                        "{\"Function\":\"f\",\"Header\":{\"X-A\":\"v\"}}",
                        "Header[\"X-A\"]",
                        "Header[\"X-A\"] must be an array of strings, found a string"),
                Arguments.of(
                        "{\"Function\":\"f\",\"Header\":{\"X-A\":[\"v\",1]}}",
                        "Header[\"X-A\"][1]",
                        "Header[\"X-A\"][1] must be a string, found a number"),
                Arguments.of(
                        "{\"Function\":\"f\",\"Annotations\":{\"a\":true}}",
                        "Annotations[\"a\"]",
                        "Annotations[\"a\"] must be a string, found a boolean"),
                Arguments.of(
                        "{\"Function\":\"f\",\"CallbackUrl\":\"http://recv/cb\"}",
                        "CallbackUrl",
                        "CallbackUrl must be an object, found a string"),
                Arguments.of(
                        "{\"Function\":\"f\",\"CallbackUrl\":{\"Host\":8888}}",
                        "CallbackUrl.Host",
                        "CallbackUrl.Host must be a string"),
                Arguments.of(
                        "{\"Function\":\"f\",\"CallbackUrl\":{\"ForceQuery\":\"yes\"}}",
                        "CallbackUrl.ForceQuery",
                        "CallbackUrl.ForceQuery must be true or false"),
                Arguments.of(
                        "{\"Function\":\"f\",\"CallbackUrl\":{\"User\":\"bob\"}}",
                        "CallbackUrl.User",
                        "CallbackUrl.User must be an object"),
                Arguments.of(
                        "{\"Function\":\"f\",\"Header\":{\"X-Callback-Url\":[\"http://recv:port/\"]}}",
                        "Header[\"X-Callback-Url\"]",
                        "invalid port \":port\" after host"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedRequests")
    void rejectsMalformedRequestNamingTheField(String message, String field, String problem) {
        QueueRequestException thrown =
                catchThrowableOfType(QueueRequestException.class, () -> QueueRequest.decode(json(message)));

        assertThat(thrown).as("decoding %s", message).isNotNull();
        assertThat(thrown.getMessage()).startsWith("invalid QueueRequest: ").contains(problem);
        assertThat(thrown.field().orElse(null)).isEqualTo(field);
    }

    @Test
    void reportsLineAndColumnOfTheBadValue() {
        byte[] message = json("{\"Function\":\"f\",\n  \"Body\":\"!!!!\"}");

        QueueRequestException thrown =
                catchThrowableOfType(QueueRequestException.class, () -> QueueRequest.decode(message));

        assertThat(thrown.getMessage()).endsWith("at line 2, column 10");
    }
}
