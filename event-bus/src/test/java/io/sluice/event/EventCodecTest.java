package io.sluice.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static Event event(String contentType, String data) {
        return Event.builder()
                .id("e-1")
                .source("/sources/test")
                .type("test.type")
                .subject("orders")
                .time(Instant.parse("2026-12-03T10:15:30Z"))
                .dataContentType(contentType)
                .extension("position", "42")
                .headers(Headers.builder()
                        .add("X-Call-Id", "c-1")
                        .add("X-Multi", "a")
                        .add("X-Multi", "b")
                        .build())
                .data(Buffer.buffer(data.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    @Test
    void roundTripsAttributesExtensionsHeadersAndData() {
        Event original = event("application/json", "{\"a\":1}");

        Event decoded = EventCodec.decode(EventCodec.encode(original));

        assertThat(decoded).isEqualTo(original);
        assertThat(decoded.headers().all("x-multi")).containsExactly("a", "b");
    }

    @Test
    void compactJsonIsEmbeddedAsDataButUnusualJsonKeepsItsExactBytes() {
        String unusual = "{ \"b\":1 ,\"a\" : \"\\u017c\u00f3\u0142w \u2603\" }";

        JsonObject compact = EventCodec.toJson(event("application/json", "{\"a\":1}"));
        JsonObject spaced = EventCodec.toJson(event("application/json", unusual));

        assertThat(compact.getJsonObject("data").getInteger("a")).isEqualTo(1);
        assertThat(spaced.containsKey("data")).isFalse();
        assertThat(EventCodec.fromJson(spaced).data().toString(StandardCharsets.UTF_8))
                .isEqualTo(unusual);
    }

    @Test
    void binaryDataTravelsAsBase64() {
        Event binary = Event.builder()
                .source("/s")
                .type("t")
                .data(new byte[] {0, (byte) 0xff, 7})
                .build();

        JsonObject json = EventCodec.toJson(binary);

        assertThat(json.getString("data_base64")).isEqualTo("AP8H");
        assertThat(EventCodec.fromJson(json).data().getBytes()).containsExactly(0, 0xff, 7);
    }

    @Test
    void malformedEnvelopesNameTheMember() {
        assertThatThrownBy(() -> EventCodec.decode(Buffer.buffer("{\"specversion\":\"0.3\"}")))
                .hasMessageContaining("'specversion' must be \"1.0\"");
        assertThatThrownBy(
                        () -> EventCodec.decode(Buffer.buffer("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\","
                                + "\"type\":\"t\",\"time\":\"yesterday\"}")))
                .hasMessageContaining("'time' is not RFC 3339");
        assertThatThrownBy(() -> EventCodec.decode(Buffer.buffer("[1]"))).hasMessageContaining("not a JSON object");
    }
}
