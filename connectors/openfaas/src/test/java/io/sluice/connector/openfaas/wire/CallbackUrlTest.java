package io.sluice.connector.openfaas.wire;

import static io.sluice.connector.openfaas.wire.Fixtures.json;
import static io.sluice.connector.openfaas.wire.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallbackUrlTest {

    private static final String OBJECT_WITH_USER = "{\"Scheme\":\"http\",\"Opaque\":\"\",\"User\":{},"
            + "\"Host\":\"recv:8888\",\"Path\":\"/cb\",\"RawPath\":\"\",\"OmitHost\":false,"
            + "\"ForceQuery\":false,\"RawQuery\":\"x=1\",\"Fragment\":\"\",\"RawFragment\":\"\"}";

    @Test
    void prefersTheHeaderStringBecauseItKeepsCredentials() {
        byte[] message = json("{\"Function\":\"f\",\"Header\":{\"X-Callback-Url\":"
                + "[\"http://bob:s3cret@recv:8888/cb?x=1\"]},\"CallbackUrl\":" + OBJECT_WITH_USER + "}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.callbackUrl()).contains("http://bob:s3cret@recv:8888/cb?x=1");
    }

    @Test
    void rebuildsFromTheObjectWhenTheHeaderNamesAnotherUrl() {
        byte[] message = json("{\"Function\":\"f\",\"Header\":{\"X-Callback-Url\":"
                + "[\"http://elsewhere/cb\"]},\"CallbackUrl\":" + OBJECT_WITH_USER + "}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.callbackUrl()).contains("http://recv:8888/cb?x=1");
    }

    @Test
    void fallsBackToTheHeaderWhenTheObjectIsNull() {
        byte[] message = json("{\"Function\":\"f\",\"Header\":{\"X-Callback-Url\":"
                + "[\"https://recv/cb?y=2\"]},\"CallbackUrl\":null}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.callbackUrl()).contains("https://recv/cb?y=2");
        assertThat(text(request.encode())).contains("\"CallbackUrl\":{\"Scheme\":\"https\"");
    }

    @Test
    void hasNoCallbackWhenNeitherObjectNorHeaderIsPresent() {
        byte[] message = json("{\"Function\":\"f\",\"Header\":{\"X-Callback-Url\":[\"\"]}}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.callbackUrl()).isEmpty();
    }

    @Test
    void rebuildsRawPathQueryAndFragment() {
        byte[] message = json("{\"Function\":\"f\",\"CallbackUrl\":{\"Scheme\":\"http\","
                + "\"Host\":\"recv\",\"Path\":\"/a/b c\",\"RawPath\":\"/a%2Fb%20c\","
                + "\"RawQuery\":\"q=1\",\"Fragment\":\"top\"}}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.callbackUrl()).contains("http://recv/a%2Fb%20c?q=1#top");
    }

    @Test
    void escapesPathWhenRawPathIsEmpty() {
        byte[] message = json("{\"Function\":\"f\",\"CallbackUrl\":{\"Scheme\":\"http\","
                + "\"Host\":\"recv\",\"Path\":\"/a b\",\"RawPath\":\"\"}}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.callbackUrl()).contains("http://recv/a%20b");
    }

    @Test
    void dropsTheEmptyUserGoLeavesAfterARoundTrip() {
        byte[] message = json("{\"Function\":\"f\",\"CallbackUrl\":" + OBJECT_WITH_USER + "}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.callbackUrl()).contains("http://recv:8888/cb?x=1");
    }

    @Test
    void keepsWhatGoAcceptedEvenWhenItIsNotHttp() {
        byte[] message = json("{\"Function\":\"f\",\"CallbackUrl\":{\"Path\":\"relative/cb\"}}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(request.callbackUrl()).contains("relative/cb");
    }

    @Test
    void builderRejectsAnUnparsableCallbackUrl() {
        assertThatThrownBy(() -> QueueRequest.builder().callbackUrl("http://recv:80:80x/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid port \":80x\" after host");
    }
}
