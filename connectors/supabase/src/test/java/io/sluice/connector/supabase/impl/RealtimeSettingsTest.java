package io.sluice.connector.supabase.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealtimeSettingsTest {

    private static JsonObject minimal() {
        return new JsonObject()
                .put("url", "wss://abc.supabase.co/realtime/v1/websocket")
                .put("apikey", "key with spaces&=")
                .put("changes", new JsonArray().add(new JsonObject().put("table", "todos")));
    }

    private static RealtimeSettings read(JsonObject options) {
        return RealtimeSettings.from(ComponentConfig.of("orders", "supabase-realtime", options));
    }

    @Test
    void defaultsFollowRealtimeJs() {
        RealtimeSettings settings = read(minimal());

        assertThat(settings.framing()).isEqualTo(Framing.V2);
        assertThat(settings.topic()).isEqualTo("realtime:sluice-orders");
        assertThat(settings.bindings()).containsExactly(new Binding("*", "public", "todos", null));
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(25));
        assertThat(settings.reconnectBackoff())
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(settings.joinTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxBuffer()).isEqualTo(1000);
        assertThat(settings.accessTokenFile()).isNull();
        assertThat(settings.socketUri())
                .isEqualTo("wss://abc.supabase.co/realtime/v1/websocket?apikey=key+with+spaces%26%3D&vsn=2.0.0");
    }

    @Test
    void upperCasesTheEventAndReadsBareBackoffNumbersAsSeconds() {
        JsonObject options = minimal()
                .put(
                        "changes",
                        new JsonArray()
                                .add(new JsonObject().put("event", "insert").put("filter", "id=eq.1")))
                .put("reconnect-backoff", new JsonArray().add("500ms").add(3));

        RealtimeSettings settings = read(options);

        assertThat(settings.bindings()).containsExactly(new Binding("INSERT", "public", null, "id=eq.1"));
        assertThat(settings.reconnectBackoff()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void rejectsBadOptionsNamingTheKey() {
        List<JsonObject> bad = List.of(
                minimal().put("url", "https://abc.supabase.co"),
                minimal().put("url", "wss://abc.supabase.co/realtime/v1/websocket?apikey=x"),
                minimal().put("vsn", "3.0.0"),
                minimal().put("topic", "orders"),
                minimal().put("changes", new JsonArray()),
                minimal().put("changes", new JsonArray().add(new JsonObject().put("event", "TRUNCATE"))),
                minimal().put("changes", new JsonArray().add(new JsonObject().put("filter", "undefined"))),
                minimal().put("changes", new JsonArray().add(new JsonObject()).add(new JsonObject())),
                minimal().put("reconnect-backoff", new JsonArray().add("soon")),
                minimal().put("heartbeat", "25s"));
        List<String> keys = List.of(
                "/url",
                "/url",
                "/vsn",
                "/topic",
                "/changes",
                "/event",
                "/filter",
                "/changes",
                "/reconnect-backoff",
                "/heartbeat");

        for (int i = 0; i < bad.size(); i++) {
            JsonObject options = bad.get(i);
            assertThatThrownBy(() -> read(options))
                    .as("options %s", options)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(keys.get(i));
        }
    }

    @Test
    void neverEchoesTheApikeyInAnError() {
        JsonObject options = minimal().put("url", "wss://abc.supabase.co/realtime/v1/websocket?apikey=super-secret");

        assertThatThrownBy(() -> read(options)).hasMessageNotContaining("super-secret");
    }
}
