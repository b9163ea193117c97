package io.sluice.connector.supabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ScriptedSinkFactory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel survives what ends it (a dropped socket, a silent server, a crashed channel) by
 * rejoining with the full config, and does not loop on what rejoining cannot cure (an expired token,
 * bindings the server does not echo). Runs against {@link FakeRealtimeServer}, a local WebSocket
 * server that follows Realtime's Phoenix protocol frame for frame, since no Realtime server can run
 * here.
 */
class RealtimeReconnectTest {

    private static final String CHANGES = "changes: [{event: INSERT, schema: public, table: todos, filter: 'id=gt.0'},"
            + " {event: DELETE, schema: public, table: todos}]";
    private static final String FAST = "heartbeat-interval: 200ms, reconnect-backoff: [100ms, 200ms], ";

    @TempDir
    Path secrets;

    private Vertx vertx;
    private FakeRealtimeServer realtime;
    private RealtimeSluice sluice;
    private String url;

    @BeforeEach
    void startServer() {
        vertx = Vertx.vertx();
        realtime = new FakeRealtimeServer(vertx);
        url = realtime.start();
        sluice = new RealtimeSluice(vertx, secrets);
    }

    @AfterEach
    void stopAll() {
        sluice.stop();
        realtime.stop();
        Await.result(vertx.close());
    }

    @Test
    void rejoinsWithThePostgresChangesConfigAfterTheSocketDrops() {
        Sluice running = sluice.start(FAST + "url: '" + url + "', " + CHANGES);
        await().until(running::ready);

        realtime.last().drop();

        await().until(() -> realtime.joins().size() == 2);
        await().until(running::ready);
        List<JsonObject> joins = realtime.joins();
        assertThat(joins.get(1).getJsonObject("config").getJsonArray("postgres_changes"))
                .isEqualTo(joins.get(0).getJsonObject("config").getJsonArray("postgres_changes"))
                .hasSize(2);
        assertThat(sluice.count(SupabaseRealtime.GAPS)).isEqualTo(1);
        assertThat(sluice.count(SupabaseRealtime.ERRORS, "kind", "dropped")).isEqualTo(1);
        realtime.last().pushChange(Changes.insert(5));
        await().until(() -> ScriptedSinkFactory.sink(sluice.sink).received().size() == 1);
    }

    @Test
    void reconnectsWhenAHeartbeatGoesUnanswered() {
        Sluice running = sluice.start(FAST + "url: '" + url + "', " + CHANGES);
        await().until(running::ready);
        FakeRealtimeServer.Connection first = realtime.last();

        realtime.answerHeartbeats(false);

        await().until(() -> first.closeCode() != null);
        assertThat(first.closeCode()).isEqualTo((short) 1000);
        assertThat(first.closeReason()).isEqualTo("heartbeat timeout");
        assertThat(sluice.count(SupabaseRealtime.ERRORS, "kind", "heartbeat_timeout"))
                .isEqualTo(1);
        realtime.answerHeartbeats(true);
        await().until(() -> realtime.joins().size() >= 2 && running.ready());
    }

    @Test
    void rejoinsWithBackoffAfterPhxError() {
        Sluice running = sluice.start(FAST + "url: '" + url + "', " + CHANGES);
        await().until(running::ready);

        realtime.last().pushPhxError();

        await().until(() -> realtime.joins().size() == 2 && running.ready());
        assertThat(sluice.count(SupabaseRealtime.ERRORS, "kind", "channel_crashed"))
                .isEqualTo(1);
    }

    @Test
    void endsTheChannelOnAnExpiredTokenAndRetriesOnlyOnceTheTokenChanges() {
        Path token = secrets.resolve("user-jwt");
        RealtimeSluice.write(token, FakeRealtimeServer.jwt(Instant.now().getEpochSecond() + 2));
        Sluice running = sluice.start("url: '" + url + "', access-token-file: '" + token + "', " + CHANGES);
        await().until(running::ready);

        await().atMost(Duration.ofSeconds(5)).until(() -> realtime.last().closedAt() != null);

        assertThat(sluice.count(SupabaseRealtime.ERRORS, "kind", "channel_error"))
                .isEqualTo(1);
        assertThat(running.ready()).isFalse();
        // Default backoff tops out at 10 s: with the token unchanged, nothing may rejoin for a while.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(4))
                .until(() -> realtime.joins().size() == 1);
        String fresh = FakeRealtimeServer.jwt(Instant.now().getEpochSecond() + 3600);
        RealtimeSluice.write(token, fresh);
        await().until(() -> realtime.joins().size() == 2 && running.ready());
        assertThat(realtime.joins().get(1).getString("access_token")).isEqualTo(fresh);
    }

    @Test
    void surfacesBindingsTheJoinReplyDoesNotEchoAndLeavesTheChannel() {
        realtime.echoMismatch(true);
        Sluice running = sluice.start("url: '" + url + "', " + CHANGES);

        await().until(() -> sluice.count(SupabaseRealtime.ERRORS, "kind", "binding_mismatch") == 1);

        await().until(() -> realtime.connections().get(0).payloads("phx_leave").size() == 1);
        assertThat(running.ready()).isFalse();
        // Retried only after the longest backoff (10 s by default), never in a tight loop.
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> realtime.joins().size() == 1);
    }

    @Test
    void pushesARotatedTokenBeforeTheOldOneExpires() {
        Path token = secrets.resolve("user-jwt");
        Instant oldExpiry = Instant.now().plusSeconds(5);
        RealtimeSluice.write(token, FakeRealtimeServer.jwt(oldExpiry.getEpochSecond()));
        Sluice running = sluice.start(
                "heartbeat-interval: 300ms, url: '" + url + "', access-token-file: '" + token + "', " + CHANGES);
        await().until(running::ready);

        String fresh = FakeRealtimeServer.jwt(Instant.now().getEpochSecond() + 3600);
        RealtimeSluice.write(token, fresh);

        await().until(() -> realtime.last().payloads("access_token").stream()
                .anyMatch(payload -> fresh.equals(payload.getString("access_token"))));
        assertThat(Instant.now()).isBefore(oldExpiry);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(6)).until(running::ready);
        assertThat(realtime.joins()).hasSize(1);
    }
}
