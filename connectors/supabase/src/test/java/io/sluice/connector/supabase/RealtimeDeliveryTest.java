package io.sluice.connector.supabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.deadletter.DeadLetter;
import io.sluice.event.Event;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.MemoryDeadLetterStoreFactory;
import io.sluice.testing.ScriptedSinkFactory;
import io.sluice.testing.ScriptedSinkFactory.Scripted;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Changes from Realtime reach a sink as change events, and what cannot be seen is counted. Runs
 * against {@link FakeRealtimeServer}, a local WebSocket server that follows Realtime's Phoenix
 * protocol frame for frame, since no Realtime server can run here.
 */
class RealtimeDeliveryTest {

    private static final String CHANGES = "changes: [{event: '*', schema: public, table: todos}]";

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

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "2.0.0"})
    void deliversEachChangeAsAChangeEvent(String vsn) {
        Sluice running = sluice.start("url: '" + url + "', vsn: '" + vsn + "', " + CHANGES);
        await().until(running::ready);
        FakeRealtimeServer.Connection connection = realtime.last();

        connection.pushChange(Changes.insert(1));
        connection.pushChange(Changes.update(1));
        connection.pushChange(Changes.delete(1));

        Scripted sink = ScriptedSinkFactory.sink(sluice.sink);
        await().until(() -> sink.received().size() == 3);
        assertThat(connection.param("vsn")).isEqualTo(vsn);
        assertThat(connection.param("apikey")).isEqualTo("anon-key-value");
        List<Event> events = sink.received();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo("io.sluice.db.change");
            assertThat(event.subject()).isEqualTo("public.todos");
            assertThat(event.source()).isEqualTo("/supabase-realtime/" + sluice.source);
            assertThat(event.id()).matches("[0-9a-f]{64}");
            assertThat(event.headers().first("X-Event-Table")).isEqualTo("todos");
        });
        assertThat(events)
                .extracting(event -> event.headers().first("X-Event-Action"))
                .containsExactly("insert", "update", "delete");
        JsonObject insert = events.get(0).dataAsJson();
        assertThat(insert.getString("type")).isEqualTo("INSERT");
        assertThat(insert.getJsonObject("record"))
                .isEqualTo(new JsonObject().put("id", 1).put("title", "buy milk"));
        assertThat(insert.getValue("old_record")).isNull();
        assertThat(insert.getString("commit_timestamp")).isEqualTo("2025-11-19T00:22:40.877Z");
        assertThat(insert.getValue("position")).isNull();
        assertThat(insert.getJsonArray("columns")).hasSize(2);
        assertThat(events.get(0).time()).isEqualTo(Instant.parse("2025-11-19T00:22:40.877Z"));
        JsonObject update = events.get(1).dataAsJson();
        assertThat(update.getJsonObject("old_record")).isEqualTo(new JsonObject().put("id", 1));
        JsonObject delete = events.get(2).dataAsJson();
        assertThat(delete.getValue("record")).isNull();
        assertThat(delete.getJsonObject("old_record")).isEqualTo(new JsonObject().put("id", 1));
        assertThat(sluice.count(SupabaseRealtime.CHANGES, "outcome", "delivered"))
                .isEqualTo(3);
    }

    @Test
    void isNotReadyBeforeRealtimeSaysSubscribed() {
        realtime.subscribeAfterJoin(false);
        Sluice running = sluice.start("url: '" + url + "', " + CHANGES);
        await().until(() -> !realtime.joins().isEmpty());

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !running.ready());
        realtime.last().pushSubscribed();

        await().until(running::ready);
    }

    @Test
    void countsAChangeBeforeSubscribedAsAPossibleGapAndStillDeliversIt() {
        realtime.subscribeAfterJoin(false);
        Sluice running = sluice.start("url: '" + url + "', " + CHANGES);
        await().until(() -> !realtime.joins().isEmpty());

        realtime.last().pushChange(Changes.insert(7));
        realtime.last().pushChange(Changes.insert(8));

        await().until(() -> ScriptedSinkFactory.sink(sluice.sink).received().size() == 2);
        assertThat(sluice.count(SupabaseRealtime.GAPS)).isEqualTo(1);
        assertThat(running.ready()).isFalse();
        realtime.last().pushSubscribed();
        await().until(running::ready);
        assertThat(sluice.count(SupabaseRealtime.GAPS)).isEqualTo(1);
    }

    @Test
    void deadLettersAChangeThatRealtimeReportsErrorsFor() {
        Sluice running = sluice.start("url: '" + url + "', " + CHANGES);
        await().until(running::ready);

        realtime.last().pushChange(Changes.tooLarge(3));
        realtime.last().pushChange(Changes.insert(4));

        await().until(() -> ScriptedSinkFactory.sink(sluice.sink).received().size() == 1);
        await().until(() ->
                MemoryDeadLetterStoreFactory.store(sluice.letters).letters().size() == 1);
        DeadLetter letter =
                MemoryDeadLetterStoreFactory.store(sluice.letters).letters().get(0);
        assertThat(letter.cause()).contains("Error 413: Payload Too Large");
        assertThat(letter.origin()).isEqualTo(sluice.source);
        assertThat(letter.event().subject()).isEqualTo("public.todos");
        assertThat(letter.event().dataAsJson().getJsonObject("data").getJsonArray("errors"))
                .hasSize(1);
        assertThat(ScriptedSinkFactory.sink(sluice.sink)
                        .received()
                        .get(0)
                        .dataAsJson()
                        .getJsonObject("record"))
                .isEqualTo(Changes.insert(4).getJsonObject("record"));
    }

    @Test
    void dropsChangesBeyondMaxBufferWhileTheRoutesAreFullAndCountsTheRunAsAGap() {
        Sluice running = sluice.start("url: '" + url + "', max-buffer: 2, " + CHANGES, ", max-inflight: 1");
        await().until(running::ready);
        Scripted sink = ScriptedSinkFactory.sink(sluice.sink);
        sink.hold();

        for (int id = 1; id <= 5; id++) {
            realtime.last().pushChange(Changes.insert(id));
        }

        await().until(() -> sluice.count(SupabaseRealtime.DROPPED) == 2);
        assertThat(sluice.count(SupabaseRealtime.GAPS)).isEqualTo(1);
        assertThat(sink.heldCount()).isEqualTo(1);
        sink.releaseAll();
        await().until(() -> sluice.count(SupabaseRealtime.CHANGES, "outcome", "delivered") == 3);
        assertThat(sink.received())
                .extracting(event -> event.dataAsJson().getJsonObject("record").getLong("id"))
                .containsExactly(1L, 2L, 3L);
    }
}
