package io.sluice.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sluice.event.Event;
import io.sluice.testing.ScriptedSinkFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change events of a {@code postgres-cdc} source against the real PostgreSQL with wal2json:
 * their CloudEvents attributes, headers and data, under both replica identities, with TOAST.
 */
class ChangeShapeIT {

    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

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

    private List<Event> capture(String name, String table, int expected, String... statements) throws Exception {
        db.ownSlot("it_" + name);
        sluice = SluiceRunner.start(
                name,
                "sources: [{name: " + name + ", type: postgres-cdc, url: '" + PgTestDb.url() + "', slot: it_" + name
                        + ", tables: 'public." + table + "', status-interval: 200ms}]\n"
                        + "sinks: [{name: " + name + "-out, type: scripted}]\n"
                        + "routes: [{name: " + name + "-route, from: " + name + ", to: " + name + "-out}]\n");
        db.execute(statements);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ScriptedSinkFactory.sink(name + "-out").received().size() >= expected);
        return ScriptedSinkFactory.sink(name + "-out").received();
    }

    @Test
    void insertUpdateDeleteUnderDefaultIdentityCarryOnlyTheKeyAsOldRecord() throws Exception {
        db.createTable("shape_default", "id int PRIMARY KEY, name text, score int");

        List<Event> events = capture(
                "shape_default",
                "shape_default",
                3,
                "INSERT INTO shape_default VALUES (1, 'ada', 10)",
                "UPDATE shape_default SET name = 'grace' WHERE id = 1",
                "DELETE FROM shape_default WHERE id = 1");

        JsonObject insert = events.get(0).dataAsJson();
        assertThat(insert.getString("type")).isEqualTo("INSERT");
        assertThat(insert.getJsonObject("record")).isEqualTo(json("{\"id\":1,\"name\":\"ada\",\"score\":10}"));
        assertThat(insert.getValue("old_record")).isNull();
        JsonObject update = events.get(1).dataAsJson();
        assertThat(update.getJsonObject("record")).isEqualTo(json("{\"id\":1,\"name\":\"grace\",\"score\":10}"));
        assertThat(update.getJsonObject("old_record")).isEqualTo(json("{\"id\":1}"));
        JsonObject delete = events.get(2).dataAsJson();
        assertThat(delete.getString("type")).isEqualTo("DELETE");
        assertThat(delete.getValue("record")).isNull();
        assertThat(delete.getJsonObject("old_record")).isEqualTo(json("{\"id\":1}"));
    }

    @Test
    void updateAndDeleteUnderFullIdentityCarryTheWholeOldRow() throws Exception {
        db.createTable("shape_full", "id int PRIMARY KEY, name text, score int");
        db.execute("ALTER TABLE shape_full REPLICA IDENTITY FULL");

        List<Event> events = capture(
                "shape_full",
                "shape_full",
                3,
                "INSERT INTO shape_full VALUES (1, 'ada', 10)",
                "UPDATE shape_full SET name = 'grace' WHERE id = 1",
                "DELETE FROM shape_full WHERE id = 1");

        assertThat(events.get(0).dataAsJson().getValue("old_record")).isNull();
        JsonObject update = events.get(1).dataAsJson();
        assertThat(update.getJsonObject("old_record")).isEqualTo(json("{\"id\":1,\"name\":\"ada\",\"score\":10}"));
        assertThat(update.getJsonObject("record")).isEqualTo(json("{\"id\":1,\"name\":\"grace\",\"score\":10}"));
        JsonObject delete = events.get(2).dataAsJson();
        assertThat(delete.getJsonObject("old_record")).isEqualTo(json("{\"id\":1,\"name\":\"grace\",\"score\":10}"));
        assertThat(delete.getValue("record")).isNull();
    }

    @Test
    void eventCarriesCloudEventsAttributesHeadersAndPosition() throws Exception {
        db.createTable("shape_attrs", "id int PRIMARY KEY, note text");

        Event event = capture("shape_attrs", "shape_attrs", 1, "INSERT INTO shape_attrs VALUES (7, 'x')")
                .get(0);

        JsonObject data = event.dataAsJson();
        assertThat(event.type()).isEqualTo("io.sluice.db.change");
        assertThat(event.source()).isEqualTo("/sources/shape_attrs");
        assertThat(event.subject()).isEqualTo("public.shape_attrs");
        assertThat(event.id()).isEqualTo("it_shape_attrs:" + data.getString("position") + ":1");
        assertThat(event.extension("position"))
                .isEqualTo(data.getString("position"))
                .matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(event.headers().first("X-Event-Action")).isEqualTo("insert");
        assertThat(event.headers().first("X-Event-Table")).isEqualTo("shape_attrs");
        assertThat(data.getString("schema")).isEqualTo("public");
        assertThat(data.getString("table")).isEqualTo("shape_attrs");
        assertThat(data.getLong("xid")).isPositive();
        assertThat(Instant.parse(data.getString("commit_timestamp"))).isCloseTo(Instant.now(), within());
        assertThat(data.getJsonArray("columns"))
                .isEqualTo(new JsonArray(
                        "[{\"name\":\"id\",\"type\":\"integer\"},{\"name\":\"note\",\"type\":\"text\"}]"));
        assertThat(data.getJsonArray("unchanged_toast")).isEmpty();
    }

    @Test
    void updateLeavingAToastedColumnUnchangedListsItAndLeavesItOutOfRecord() throws Exception {
        db.createTable("shape_toast", "id int PRIMARY KEY, name text, body text");
        // 16 kB of random hex compresses to about half: still well over the 2 kB TOAST threshold.
        String insert = "INSERT INTO shape_toast VALUES (1, 'a',"
                + " (SELECT string_agg(md5(random()::text), '') FROM generate_series(1, 500)))";

        List<Event> events =
                capture("shape_toast", "shape_toast", 2, insert, "UPDATE shape_toast SET name = 'b' WHERE id = 1");

        assertThat(db.queryLong("SELECT pg_column_size(body) FROM shape_toast")).isGreaterThan(2000);
        assertThat(events.get(0).dataAsJson().getJsonObject("record").getString("body"))
                .hasSize(16000);
        JsonObject update = events.get(1).dataAsJson();
        assertThat(update.getJsonArray("unchanged_toast")).containsExactly("body");
        assertThat(update.getJsonObject("record").fieldNames()).containsExactlyInAnyOrder("id", "name");
        assertThat(update.getJsonObject("record").getString("name")).isEqualTo("b");
    }

    @Test
    void valuesAreJsonTypedAsWebhookBodiesHaveThem() throws Exception {
        db.createTable(
                "shape_types",
                "id bigint PRIMARY KEY, price numeric, ratio float8, ok boolean, doc jsonb, tags text[],"
                        + " counts int[], at timestamptz, raw bytea, nothing text");

        Event event = capture(
                        "shape_types",
                        "shape_types",
                        1,
                        "SET TIME ZONE 'UTC'",
                        "INSERT INTO shape_types VALUES (9007199254740993, 12345678901234567890.123456789, 1.5,"
                                + " true, '{\"a\": [1, {\"b\": null}]}', '{x,\"y z\",NULL}', '{1,2}',"
                                + " '2024-03-08 13:14:16.5+00', '\\x0102', NULL)")
                .get(0);

        // Read with exact numbers: a double would hide a lost digit.
        assertThat(EXACT.readTree(event.data().getBytes()).get("record").toString())
                .isEqualTo("{\"id\":9007199254740993,\"price\":12345678901234567890.123456789,\"ratio\":1.5,"
                        + "\"ok\":true,\"doc\":{\"a\":[1,{\"b\":null}]},\"tags\":[\"x\",\"y z\",null],"
                        + "\"counts\":[1,2],\"at\":\"2024-03-08T13:14:16.5+00:00\",\"raw\":\"\\\\x0102\","
                        + "\"nothing\":null}");
    }

    @Test
    void emitsOnlyTheConfiguredTablesAndActions() throws Exception {
        db.createTable("shape_wanted", "id int PRIMARY KEY");
        db.createTable("shape_other", "id int PRIMARY KEY");
        db.ownSlot("it_shape_filter");
        sluice = SluiceRunner.start(
                "shape_filter",
                "sources: [{name: shape_filter, type: postgres-cdc, url: '" + PgTestDb.url() + "',"
                        + " slot: it_shape_filter, tables: [shape_wanted:insert, 'public.shape_wanted:delete'],"
                        + " status-interval: 200ms}]\n"
                        + "sinks: [{name: shape_filter-out, type: scripted}]\n"
                        + "routes: [{name: shape_filter-route, from: shape_filter, to: shape_filter-out}]\n");

        db.execute(
                "INSERT INTO shape_other VALUES (1)",
                "INSERT INTO shape_wanted VALUES (1)",
                "UPDATE shape_wanted SET id = 2",
                "DELETE FROM shape_wanted");

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        ScriptedSinkFactory.sink("shape_filter-out").received().size() >= 2);
        assertThat(ScriptedSinkFactory.sink("shape_filter-out").received())
                .extracting(e ->
                        e.headers().first("X-Event-Table") + ":" + e.headers().first("X-Event-Action"))
                .containsExactly("shape_wanted:insert", "shape_wanted:delete");
    }

    private static JsonObject json(String text) {
        return new JsonObject(text);
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(1, java.time.temporal.ChronoUnit.MINUTES);
    }
}
