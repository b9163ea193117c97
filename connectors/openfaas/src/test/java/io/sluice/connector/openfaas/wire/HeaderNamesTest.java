package io.sluice.connector.openfaas.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "x-call-id, X-Call-Id",
        "X-CALL-ID, X-Call-Id",
        "content-type, Content-Type",
        "x-openfaas-internal, X-Openfaas-Internal",
        "www-authenticate, Www-Authenticate",
        "x_forwarded, X_forwarded",
        "'bad header', 'bad header'",
        "'caf\u00e9', 'caf\u00e9'",
        "'', ''"
    })
    void canonicalisesLikeGo(String name, String canonical) {
        String result = HeaderNames.canonical(name);

        assertThat(result).isEqualTo(canonical);
    }
}
