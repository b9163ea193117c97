package io.sluice.connector.supabase.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinReplyTest {

    private static final Binding INSERTS = new Binding("INSERT", "public", "todos", "id=gt.0");
    private static final Binding ALL = new Binding("*", "public", null, null);

    private static PhoenixMessage ok(JsonArray echoed) {
        JsonObject payload =
                new JsonObject().put("status", "ok").put("response", new JsonObject().put("postgres_changes", echoed));
        return new PhoenixMessage("1", "1", "realtime:x", "phx_reply", payload);
    }

    private static Ending ending(List<Binding> bindings, PhoenixMessage reply) {
        return catchThrowableOfType(() -> JoinReply.ids(bindings, reply), JoinReply.EndingException.class)
                .ending();
    }

    @Test
    void keepsTheServerIdsInBindingOrderTakingNullAsMissing() {
        JsonArray echoed = new JsonArray()
                .add(INSERTS.toJson().put("id", 11))
                .add(new JsonObject()
                        .put("event", "*")
                        .put("schema", "public")
                        .putNull("table")
                        .put("id", 22));

        List<Long> ids = JoinReply.ids(List.of(INSERTS, ALL), ok(echoed));

        assertThat(ids).containsExactly(11L, 22L);
    }

    @Test
    void aReplyInAnotherOrderOrWithAnotherFilterIsAMismatch() {
        JsonArray swapped = new JsonArray()
                .add(ALL.toJson().put("id", 22))
                .add(INSERTS.toJson().put("id", 11));
        JsonArray rewritten =
                new JsonArray().add(INSERTS.toJson().put("filter", "id=gt.1").put("id", 11));

        Ending order = ending(List.of(INSERTS, ALL), ok(swapped));
        Ending filter = ending(List.of(INSERTS), ok(rewritten));
        Ending missing = ending(List.of(INSERTS), ok(new JsonArray()));

        assertThat(List.of(order, filter, missing))
                .allSatisfy(e -> assertThat(e.kind()).isEqualTo(Ending.Kind.BINDING_MISMATCH))
                .allSatisfy(e -> assertThat(e.detail()).startsWith("mismatch between server and client bindings"));
        assertThat(filter.detail()).contains("id=gt.1");
    }

    @Test
    void anErrorReplyIsARefusalAndATokenCodeWaitsForANewToken() {
        PhoenixMessage expired = new PhoenixMessage(
                "1",
                "1",
                "realtime:x",
                "phx_reply",
                new JsonObject()
                        .put("status", "error")
                        .put(
                                "response",
                                new JsonObject().put("reason", "InvalidJWTToken: Token has expired 3 seconds ago")));
        PhoenixMessage busy = new PhoenixMessage(
                "1",
                "1",
                "realtime:x",
                "phx_reply",
                new JsonObject()
                        .put("status", "error")
                        .put("response", new JsonObject().put("reason", "ChannelRateLimitReached: Too many channels")));

        Ending refusedToken = ending(List.of(INSERTS), expired);
        Ending refusedRate = ending(List.of(INSERTS), busy);

        assertThat(refusedToken.kind()).isEqualTo(Ending.Kind.JOIN_REFUSED);
        assertThat(refusedToken.waitsForChange()).isTrue();
        assertThat(refusedRate.waitsForChange()).isFalse();
        assertThat(refusedRate.isError()).isTrue();
    }
}
