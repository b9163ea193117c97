package io.sluice.connector.webhook.verify;

import static io.sluice.connector.webhook.verify.Signing.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {

    @Test
    void looksUpHeadersInAnyCaseAndKeepsEveryValueInOrder() {
        WebhookRequest request = WebhookRequest.builder()
                .header("X-Trace", "a")
                .header("x-trace", "b")
                .build();

        List<String> values = request.headers("X-TRACE");

        assertThat(values).containsExactly("a", "b");
        assertThat(request.header("x-Trace")).contains("a");
        assertThat(request.header("X-Absent")).isEmpty();
    }

    @Test
    void takesHeaderEntriesSuchAsThoseOfAVertxMultiMap() {
        List<Map.Entry<String, String>> entries = List.of(Map.entry("Content-Type", "application/json"));

        WebhookRequest request = WebhookRequest.builder().headers(entries).build();

        assertThat(request.contentType()).contains("application/json");
    }

    @Test
    void contentTypeReplacesAnEarlierValue() {
        WebhookRequest.Builder builder = WebhookRequest.builder().header("content-type", "text/plain");

        WebhookRequest request = builder.contentType("application/json").build();

        assertThat(request.headers("Content-Type")).containsExactly("application/json");
    }

    @Test
    void keepsTheBodyBytesExactlyAndOutOfReachOfCallers() {
        byte[] body = utf8("{ \"a\" : \"żółw\" }");
        WebhookRequest request = WebhookRequest.builder().body(body).build();

        body[0] = '[';
        request.body()[1] = '!';

        assertThat(request.body()).isEqualTo(utf8("{ \"a\" : \"żółw\" }"));
    }

    @Test
    void toStringShowsHeaderNamesButNeverTheBody() {
        WebhookRequest request = WebhookRequest.builder()
                .body(utf8("card=4242"))
                .header("X-Signature", "abc")
                .build();

        String shown = request.toString();

        assertThat(shown).contains("X-Signature", "9 bytes").doesNotContain("4242", "abc");
    }
}
