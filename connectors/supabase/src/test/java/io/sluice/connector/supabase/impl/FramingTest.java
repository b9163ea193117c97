package io.sluice.connector.supabase.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class FramingTest {

    @Test
    void writesVsn2AsAnArrayOfJoinRefRefTopicEventPayload() {
        PhoenixMessage heartbeat = new PhoenixMessage(null, "26", "phoenix", "heartbeat", new JsonObject());

        String frame = Framing.V2.encode(heartbeat);

        assertThat(new JsonArray(frame))
                .isEqualTo(new JsonArray()
                        .addNull()
                        .add("26")
                        .add("phoenix")
                        .add("heartbeat")
                        .add(new JsonObject()));
    }

    @Test
    void writesVsn1AsAnObject() {
        PhoenixMessage join = new PhoenixMessage("1", "1", "realtime:x", "phx_join", new JsonObject().put("a", 1));

        JsonObject frame = new JsonObject(Framing.V1.encode(join));

        assertThat(frame)
                .isEqualTo(new JsonObject()
                        .put("topic", "realtime:x")
                        .put("event", "phx_join")
                        .put("payload", new JsonObject().put("a", 1))
                        .put("ref", "1")
                        .put("join_ref", "1"));
    }

    @Test
    void readsAServerPushInBothFramings() {
        String v2 = "[null,null,\"realtime:x\",\"postgres_changes\",{\"ids\":[1],\"data\":{}}]";
        String v1 = "{\"topic\":\"realtime:x\",\"event\":\"postgres_changes\",\"payload\":{\"ids\":[1],\"data\":{}},"
                + "\"ref\":null}";

        PhoenixMessage fromV2 = Framing.V2.decode(v2);
        PhoenixMessage fromV1 = Framing.V1.decode(v1);

        assertThat(fromV2).isEqualTo(fromV1);
        assertThat(fromV2.joinRef()).isNull();
        assertThat(fromV2.ref()).isNull();
        assertThat(fromV2.payload().getJsonArray("ids")).containsExactly(1);
    }

    @Test
    void readsAReplyStatusAndResponse() {
        PhoenixMessage reply = Framing.V2.decode("[\"1\",\"1\",\"realtime:x\",\"phx_reply\","
                + "{\"status\":\"ok\",\"response\":{\"postgres_changes\":[]}}]");

        assertThat(reply.repliesTo("realtime:x", "1")).isTrue();
        assertThat(reply.repliesTo("realtime:x", "2")).isFalse();
        assertThat(reply.status()).isEqualTo("ok");
        assertThat(reply.response().getJsonArray("postgres_changes")).isEmpty();
    }

    @Test
    void rejectsAFrameOfTheOtherFramingOrNotJson() {
        assertThatThrownBy(() -> Framing.V2.decode("{\"topic\":\"t\",\"event\":\"e\",\"payload\":{},\"ref\":null}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("array");
        assertThatThrownBy(() -> Framing.V1.decode("[null,null,\"t\",\"e\",{}]"))
                .hasMessageContaining("object");
        assertThatThrownBy(() -> Framing.V2.decode("not json")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> Framing.V2.decode("[null,null,\"t\",\"e\",[]]"))
                .hasMessageContaining("payload");
    }
}
