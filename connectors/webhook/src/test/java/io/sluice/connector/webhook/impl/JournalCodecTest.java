package io.sluice.connector.webhook.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.event.Event;
import io.sluice.event.Headers;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JournalCodecTest {

    private static final byte[] ODD_JSON =
            "{ \"b\" :1.50e0,\n \"a\":\"\\u00e9\u00e9\" }".getBytes(StandardCharsets.UTF_8);

    private static Event event(byte[] data) {
        return Event.builder()
                .id("msg_1")
                .source("/hooks/h")
                .type("invoice.paid")
                .dataContentType("application/json")
                .headers(Headers.builder().add("webhook-id", "msg_1").build())
                .data(data)
                .build();
    }

    @Test
    void keepsJsonDataByteForByteThroughTheJournal() {
        Event event = event(ODD_JSON);

        Event decoded = JournalCodec.decode(JournalCodec.encode(event));

        assertThat(decoded.data().getBytes()).isEqualTo(ODD_JSON);
        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void writesCloudEventsJsonWithBase64DataAndTheContentType() {
        JsonObject json = new JsonObject(JournalCodec.encode(event(ODD_JSON)));

        assertThat(json.getString("specversion")).isEqualTo("1.0");
        assertThat(json.getString("datacontenttype")).isEqualTo("application/json");
        assertThat(json.containsKey("data")).isFalse();
        assertThat(json.getBinary("data_base64")).isEqualTo(ODD_JSON);
    }

    @Test
    void anEmptyBodyStaysEmpty() {
        Event decoded = JournalCodec.decode(JournalCodec.encode(event(new byte[0])));

        assertThat(decoded.data()).isEqualTo(Buffer.buffer());
    }
}
