package io.sluice.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.event.Event;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ChangeEventsTest {

    @Test
    void aDeleteCarriesTheOldRowTheActionHeadersAndNullForWhatAWebhookCannotKnow() {
        DatabaseChange change = DatabaseChange.of(
                DatabaseChange.Action.DELETE, "public", "orders", null, new JsonObject().put("id", 3));

        Event event =
                ChangeEvents.builder(change).source("/supabase/db").id("x").build();

        assertThat(event.type()).isEqualTo("io.sluice.db.change");
        assertThat(event.subject()).isEqualTo("public.orders");
        assertThat(event.dataContentType()).isEqualTo("application/json");
        assertThat(event.headers().first("X-Event-Action")).isEqualTo("delete");
        assertThat(event.headers().first("X-Event-Table")).isEqualTo("orders");
        assertThat(event.data().toString())
                .isEqualTo("{\"type\":\"DELETE\",\"table\":\"orders\",\"schema\":\"public\",\"record\":null,"
                        + "\"old_record\":{\"id\":3},\"commit_timestamp\":null,\"position\":null,\"xid\":null,"
                        + "\"columns\":null,\"unchanged_toast\":[]}");
    }
}
