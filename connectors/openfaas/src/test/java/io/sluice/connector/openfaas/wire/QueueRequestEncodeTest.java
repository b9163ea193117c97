package io.sluice.connector.openfaas.wire;

import static io.sluice.connector.openfaas.wire.Fixtures.json;
import static io.sluice.connector.openfaas.wire.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueRequestEncodeTest {

    @Test
    void encodesCurrentFormByteForByteAsTheGoGateway() {
        byte[] current = Fixtures.bytes(Fixtures.CURRENT);

        byte[] encoded = QueueRequest.decode(current).encode();

        assertThat(text(encoded)).isEqualTo(text(current));
    }

    @Test
    void upgradesPre2023FormToCurrentForm() {
        byte[] pre2023 = Fixtures.bytes(Fixtures.PRE_2023);

        byte[] encoded = QueueRequest.decode(pre2023).encode();

        assertThat(text(encoded)).isEqualTo(text(Fixtures.bytes(Fixtures.CURRENT)));
    }

    @Test
    void roundTripsThroughEncodeAndDecode() {
        QueueRequest request = QueueRequest.builder()
                .function("resize.images")
                .addHeader("content-type", "image/png")
                .addHeader("X-Tenant", "a")
                .addHeader("x-tenant", "b")
                .host("gw:8080")
                .body(new byte[] {0, 1, 2, (byte) 0xfe, (byte) 0xff})
                .path("/thumbs/small")
                .queryString("id=7&size=<64>")
                .queueName("images")
                .annotations(Map.of("com.openfaas.retry.attempts", "30"))
                .labels(Map.of("team", "media"))
                .environment(Map.of("MODE", "fast"))
                .callbackUrl("https://user:secret@recv.example:8443/cb/%2Fx?token=abc#done")
                .build();

        QueueRequest decoded = QueueRequest.decode(request.encode());

        assertThat(decoded).isEqualTo(request);
    }

    @Test
    void omitsEmptyFieldsButAlwaysWritesMethodAndFunction() {
        QueueRequest request =
                QueueRequest.builder().function("figlet").method("").build();

        String encoded = text(request.encode());

        assertThat(encoded).isEqualTo("{\"Method\":\"\",\"Function\":\"figlet\"}");
    }

    @Test
    void escapesLikeGoEncodingJson() {
        QueueRequest request = QueueRequest.builder()
                .function("f")
                .queryString("a=1&b=<2>")
                .path("/\"q\"\\\u2028\u0001\u007f\t\b")
                .build();

        String encoded = text(request.encode());

        assertThat(encoded)
                .contains("\"QueryString\":\"a=1\\u0026b=\\u003c2\\u003e\"")
                .contains("\"Path\":\"/\\\"q\\\"\\\\\\u2028\\u0001\u007f\\t\\b\"");
    }

    @Test
    void sortsMapKeysAsGoDoes() {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("zeta", "1");
        annotations.put("Zeta", "2");
        annotations.put("alpha", "3");
        annotations.put("\u00e9t\u00e9", "4");
        QueueRequest request = QueueRequest.builder()
                .function("f")
                .addHeader("X-B", "1")
                .addHeader("Accept", "2")
                .annotations(annotations)
                .build();

        String encoded = text(request.encode());

        assertThat(encoded)
                .startsWith("{\"Header\":{\"Accept\":[\"2\"],\"X-B\":[\"1\"]}")
                .contains("\"Annotations\":{\"Zeta\":\"2\",\"alpha\":\"3\",\"zeta\":\"1\",\"\u00e9t\u00e9\":\"4\"}");
    }

    @Test
    void encodesCallbackUrlAsGoUrlObjectWithEmptyUserForCredentials() {
        QueueRequest request = QueueRequest.builder()
                .function("f")
                .callbackUrl("http://bob:pw@recv:8888/a%2Fb?x=1#frag")
                .build();

        String encoded = text(request.encode());

        assertThat(encoded)
                .endsWith("\"CallbackUrl\":{\"Scheme\":\"http\",\"Opaque\":\"\",\"User\":{},"
                        + "\"Host\":\"recv:8888\",\"Path\":\"/a/b\",\"RawPath\":\"/a%2Fb\",\"OmitHost\":false,"
                        + "\"ForceQuery\":false,\"RawQuery\":\"x=1\",\"Fragment\":\"frag\",\"RawFragment\":\"\"}}");
        assertThat(encoded).startsWith("{\"Header\":{\"X-Callback-Url\":[\"http://bob:pw@recv:8888/");
    }

    @Test
    void writesUtf8() {
        QueueRequest request = QueueRequest.builder()
                .function("f")
                .path("/caf\u00e9/\ud83d\ude00")
                .build();

        byte[] encoded = request.encode();

        assertThat(new String(encoded, StandardCharsets.UTF_8)).contains("/caf\u00e9/\ud83d\ude00");
        assertThat(QueueRequest.decode(encoded).path()).isEqualTo("/caf\u00e9/\ud83d\ude00");
    }

    @Test
    void decodesWhatItEncodesFromJson() {
        byte[] message = json("{\"Function\":\"f\",\"Body\":\"\"}");

        QueueRequest request = QueueRequest.decode(message);

        assertThat(text(request.encode())).isEqualTo("{\"Method\":\"\",\"Function\":\"f\"}");
    }
}
