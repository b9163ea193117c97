package io.sluice.connector.supabase.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.event.Event;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ChangeDecoderTest {

    private final ChangeDecoder decoder = new ChangeDecoder("realtime:orders", "rt");

    private static JsonObject push(JsonObject data) {
        return new JsonObject().put("ids", new JsonArray().add(42)).put("data", data);
    }

    private static JsonObject delete() {
        return new JsonObject()
                .put("schema", "shop")
                .put("table", "orders")
                .put("type", "DELETE")
                .put("commit_timestamp", "2025-11-19T00:22:40.877Z")
                .put(
                        "columns",
                        new JsonArray().add(new JsonObject().put("name", "id").put("type", "int8")))
                .put("old_record", new JsonObject().put("id", 9))
                .putNull("errors");
    }

    @Test
    void aDeleteCarriesTheOldRecordAndNoRecord() {
        Event event = decoder.decode(push(delete()));

        JsonObject data = event.dataAsJson();
        assertThat(event.subject()).isEqualTo("shop.orders");
        assertThat(event.headers().first("X-Event-Action")).isEqualTo("delete");
        assertThat(data.getValue("record")).isNull();
        assertThat(data.getJsonObject("old_record")).isEqualTo(new JsonObject().put("id", 9));
        assertThat(data.getValue("xid")).isNull();
        assertThat(data.getJsonArray("unchanged_toast")).isEmpty();
    }

    @Test
    void theIdIsStableForTheSameChangeAndDiffersByTopicAndContent() {
        String once = decoder.decode(push(delete())).id();
        String again = decoder.decode(push(delete())).id();
        String otherTopic =
                new ChangeDecoder("realtime:other", "rt").decode(push(delete())).id();
        String otherRow = decoder.decode(push(delete().put("old_record", new JsonObject().put("id", 10))))
                .id();

        assertThat(again).isEqualTo(once);
        assertThat(otherTopic).isNotEqualTo(once);
        assertThat(otherRow).isNotEqualTo(once);
    }

    @Test
    void errorsFromTheServerAndMalformedChangesAreNotDelivered() {
        JsonObject noKey = delete().put("errors", new JsonArray().add("Error 400: Bad Request, no primary key"));
        JsonObject noType = delete();
        noType.remove("type");

        assertThatThrownBy(() -> decoder.decode(push(noKey)))
                .isInstanceOf(RealtimeChangeException.class)
                .hasMessageContaining("Error 400: Bad Request, no primary key");
        assertThatThrownBy(() -> decoder.decode(push(noType)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'type'");
        assertThat(decoder.raw(push(noKey)).subject()).isEqualTo("shop.orders");
    }
}
