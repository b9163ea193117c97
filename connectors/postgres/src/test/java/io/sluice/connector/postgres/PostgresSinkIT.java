package io.sluice.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.deadletter.DeadLetter;
import io.sluice.event.Event;
import io.sluice.pipeline.Outcome;
import io.sluice.pipeline.SourceContext;
import io.sluice.testing.Await;
import io.sluice.testing.ManualSourceFactory;
import io.sluice.testing.MemoryDeadLetterStoreFactory;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code postgres} write-back sink against the real PostgreSQL. */
class PostgresSinkIT {

    private PgTestDb db;
    private SluiceRunner sluice;

    @BeforeEach
    void connect() throws Exception {
        db = PgTestDb.connect();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (sluice != null) {
            sluice.close();
        }
        db.close();
    }

    private SourceContext start(String name, String sinkOptions) {
        sluice = SluiceRunner.start(
                name,
                "sources: [{name: " + name + "-in, type: manual}]\n"
                        + "sinks: [{name: " + name + "-db, type: postgres, url: '" + PgTestDb.url() + "', "
                        + sinkOptions + ", retry: {max-attempts: 2, initial-wait: 10ms}}]\n"
                        + "routes: [{name: " + name + "-route, from: " + name + "-in, to: " + name + "-db}]\n");
        return ManualSourceFactory.context(name + "-in");
    }

    /** An event whose data are these exact bytes (a Vert.x JsonObject would round numbers to doubles). */
    private static Event event(String id, String json) {
        return Event.builder()
                .id(id)
                .source("/test")
                .type("test.order")
                .dataContentType("application/json")
                .data(Buffer.buffer(json))
                .build();
    }

    @Test
    void insertsOnceWhenTheSameEventIsSentTwice() throws Exception {
        db.createTable("sink_once", "event_id text UNIQUE, sku text, qty int, attrs jsonb");
        SourceContext in = start("sink_once", "table: sink_once, event-id-column: event_id");
        Event order = event("order-1", "{\"sku\":\"A-1\",\"qty\":\"3\",\"attrs\":{\"gift\":true}}");

        Outcome first = Await.result(in.dispatch(order));
        Outcome second = Await.result(in.dispatch(order));

        assertThat(first).isEqualTo(Outcome.DELIVERED);
        assertThat(second).isEqualTo(Outcome.DELIVERED);
        assertThat(db.queryLong("SELECT count(*) FROM sink_once")).isEqualTo(1);
        assertThat(db.queryString("SELECT event_id || ' ' || sku || ' ' || qty || ' ' || attrs FROM sink_once"))
                .isEqualTo("order-1 A-1 3 {\"gift\": true}");
    }

    @Test
    void upsertUpdatesTheRowOfTheSameKeyWithMappedFields() throws Exception {
        db.createTable("sink_upsert", "id int PRIMARY KEY, name text, price numeric");
        SourceContext in = start(
                "sink_upsert",
                "table: public.sink_upsert, mode: upsert, key-columns: [id],"
                        + " columns: {id: record.id, name: record.name, price: record.price}");

        Await.result(in.dispatch(event("e1", "{\"record\":{\"id\":7,\"name\":\"old\",\"price\":1}}")));
        Await.result(in.dispatch(
                event("e2", "{\"record\":{\"id\":7,\"name\":\"new\",\"price\":12345678901234567890.123456789}}")));

        assertThat(db.queryString("SELECT id || ' ' || name || ' ' || price FROM sink_upsert"))
                .isEqualTo("7 new 12345678901234567890.123456789");
    }

    @Test
    void rowTheServerRefusesIsDeadLetteredAtOnceWithTheServersMessage() throws Exception {
        db.createTable("sink_refused", "id int PRIMARY KEY, name text NOT NULL");
        SourceContext in = start("sink_refused", "table: sink_refused");

        Outcome outcome = Await.result(in.dispatch(event("bad-1", "{\"id\":1}")));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        List<DeadLetter> letters =
                MemoryDeadLetterStoreFactory.store("sink_refused").letters();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.cause())
                    .contains("table 'sink_refused' rejected event 'bad-1'")
                    .contains("null value in column \"name\"")
                    .contains("23502");
            assertThat(letter.attempts()).isEqualTo(1);
        });
    }

    @Test
    void startFailsWhenTheEventIdColumnHasNoUniqueIndex() throws Exception {
        db.createTable("sink_nounique", "event_id text, sku text");

        assertThatThrownBy(() -> start("sink_nounique", "table: sink_nounique, event-id-column: event_id"))
                .hasMessageContaining("has no unique index on [event_id]")
                .hasMessageContaining("CREATE UNIQUE INDEX ON sink_nounique (event_id)");
    }

    @Test
    void mappedFieldThatIsAbsentLeavesTheColumnDefault() throws Exception {
        db.createTable("sink_default", "id int PRIMARY KEY, status text DEFAULT 'new', note text");
        SourceContext in = start("sink_default", "table: sink_default, columns: {id: id, status: status, note: note}");

        Await.result(in.dispatch(event("d1", "{\"id\":1,\"note\":null}")));

        assertThat(db.queryString("SELECT status || ' ' || coalesce(note, 'NULL') FROM sink_default"))
                .isEqualTo("new NULL");
    }
}
