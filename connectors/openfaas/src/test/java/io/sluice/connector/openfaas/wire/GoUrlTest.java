package io.sluice.connector.openfaas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoUrlTest {

    @Test
    void parsesAnAbsoluteUrlIntoGoFields() {
        String raw = "HTTP://recv:8888/a%2Fb/c?x=1&y=%zz#frag";

        GoUrl url = GoUrl.parse(raw);

        assertThat(url.scheme()).isEqualTo("http");
        assertThat(url.host()).isEqualTo("recv:8888");
        assertThat(url.path()).isEqualTo("/a/b/c");
        assertThat(url.rawPath()).isEqualTo("/a%2Fb/c");
        assertThat(url.rawQuery()).isEqualTo("x=1&y=%zz");
        assertThat(url.fragment()).isEqualTo("frag");
        assertThat(url.hasUser()).isFalse();
        assertThat(url.isAbsoluteHttp()).isTrue();
    }

    @Test
    void keepsOnlyTheFactThatThereWereCredentials() {
        String raw = "https://bob:s3cret@recv/cb";

        GoUrl url = GoUrl.parse(raw);

        assertThat(url.hasUser()).isTrue();
        assertThat(url.toString()).isEqualTo("https://recv/cb").doesNotContain("s3cret");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://recv/a b|http://recv/a%20b",
                "http://recv/a%2fb|http://recv/a%2fb",
                "http://recv?|http://recv?",
                "http://recv/#a b|http://recv/#a%20b",
                "http://[fe80::1%25en0]:8080/|http://[fe80::1%25en0]:8080/",
                "http:/path|http:/path",
                "mailto:ops@example.com|mailto:ops@example.com",
                "/relative/cb|/relative/cb",
                "http://h\u00e9te/|http://h%C3%A9te/"
            })
    void reassemblesLikeGoUrlString(String raw, String expected) {
        GoUrl url = GoUrl.parse(raw);

        String assembled = url.toString();

        assertThat(assembled).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://recv:abc/|invalid port \":abc\" after host",
                "http://[::1/|missing ']' in host",
                "http://re cv/|invalid character \" \" in host name",
                "http://recv/%zz|invalid URL escape \"%zz\"",
                "http://recv/%4|invalid URL escape \"%4\"",
                "http://%41recv/|invalid URL escape \"%41\"",
                "://recv|missing protocol scheme",
                "1a:b/c|first path segment in URL cannot contain colon",
                "http://a b@recv/|net/url: invalid userinfo",
                "http://recv/#%x|invalid URL escape \"%x\""
            })
    void rejectsWhatGoRejectsWithGoReason(String raw, String reason) {
        assertThatThrownBy(() -> GoUrl.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(reason);
    }

    @Test
    void rejectsControlCharacters() {
        assertThatThrownBy(() -> GoUrl.parse("http://recv/\n")).hasMessage("net/url: invalid control character in URL");
    }

    @Test
    void treatsRootlessSchemesAndMissingHostsAsNotHttp() {
        assertThat(GoUrl.parse("http:recv").isAbsoluteHttp()).isFalse();
        assertThat(GoUrl.parse("http:///cb").isAbsoluteHttp()).isFalse();
        assertThat(GoUrl.parse("ftp://recv/cb").isAbsoluteHttp()).isFalse();
        assertThat(GoUrl.parse("/cb").isAbsoluteHttp()).isFalse();
    }
}
