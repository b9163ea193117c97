package io.sluice.connector.openfaas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvocationsTest {

    @ParameterizedTest(name = "[{0}] {1} [{2}] [{3}] -> {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://gw:8080|f1|||http://gw:8080/function/f1/",
                "http://gw:8080/|f1|||http://gw:8080/function/f1/",
                "http://gw:8080|f1||user=1|http://gw:8080/function/f1/?user=1",
                "http://gw:8080|f1||?user=1|http://gw:8080/function/f1/?user=1",
                "http://gw:8080|f1||??user=1|http://gw:8080/function/f1/?user=1",
                "http://gw:8080|f1|/resources/main.css||http://gw:8080/function/f1/resources/main.css",
                "http://gw:8080|f1|/employees/100|id=7&x=%20|http://gw:8080/function/f1/employees/100?id=7&x=%20",
                "http://gw:8080|f1|/||http://gw:8080/function/f1/",
                "http://gw:8080|/f1/|/a||http://gw:8080/function/f1/a",
                "http://gw:8080|f1.openfaas-fn|/a/b/||http://gw:8080/function/f1.openfaas-fn/a/b/",
                "https://gw.example/openfaas/|f1|||https://gw.example/openfaas/function/f1/",
                "http://gw:8080|f1|/files/a b.txt||http://gw:8080/function/f1/files/a%20b.txt",
                "http://gw:8080|f1|/100%||http://gw:8080/function/f1/100%25",
                "http://gw:8080|f1|/what?now|q=1|http://gw:8080/function/f1/what%3Fnow?q=1"
            })
    void buildsTheUrlTheQueueWorkerInvokes(
            String gateway, String function, String path, String queryString, String expected) {
        String url = Invocations.functionUrl(
                gateway, function, Objects.requireNonNullElse(path, ""), Objects.requireNonNullElse(queryString, ""));

        assertThat(url).isEqualTo(expected);
    }

    @Test
    void keepsSubPathsAndQueriesOfAQueuedRequest() {
        QueueRequest request = QueueRequest.decode(Fixtures.bytes(Fixtures.CURRENT));

        String url = Invocations.functionUrl("http://gateway.openfaas:8080", request);

        assertThat(url).isEqualTo("http://gateway.openfaas:8080/function/figlet/sub/path?a=1&b=2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "gateway:8080|gateway URL must be an absolute http or https URL with a host",
                "ftp://gw/|gateway URL must be an absolute http or https URL with a host",
                "http://admin:pw@gw:8080|gateway URL must not contain credentials",
                "http://gw:8080?x=1|gateway URL must not have a query or fragment",
                "http://gw:port|gateway URL is not a valid URL: invalid port \":port\" after host"
            })
    void rejectsAGatewayUrlItCannotBuildOn(String gateway, String problem) {
        assertThatThrownBy(() -> Invocations.functionUrl(gateway, "f1", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(problem)
                .hasMessageNotContaining("pw");
    }
}
