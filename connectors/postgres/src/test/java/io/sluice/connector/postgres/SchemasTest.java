package io.sluice.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.sluice.event.DatabaseChange;
import io.sluice.event.Event;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas this module owns, read from the source tree of {@code sluice-schemas} so that
 * they are checked as they are now, against what the code emits and accepts.
 */
class SchemasTest {

    private static final Path SCHEMAS =
            Path.of("../../schemas/src/main/resources/io/sluice/schemas").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(
                    mappers -> mappers.mapPrefix("https://sluice.io/schemas/", SCHEMAS.toUri() + "/")));

    private JsonSchema schema(String path) {
        return factory.getSchema(SchemaLocation.of("https://sluice.io/schemas/" + path));
    }

    private static DatabaseChange update() {
        return new DatabaseChange(
                DatabaseChange.Action.UPDATE,
                "public",
                "documents",
                new JsonObject().put("id", 42).put("title", "Q3"),
                new JsonObject().put("id", 42),
                "2024-03-08T13:14:16.417Z",
                "0/1A2B3C4",
                7351L,
                List.of(
                        new DatabaseChange.Column("id", "bigint"),
                        new DatabaseChange.Column("title", "text"),
                        new DatabaseChange.Column("body", "text")),
                List.of("body"));
    }

    /** JSON written with single quotes, for readability. */
    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void emittedChangeAndFixtureMatchTheChangeSchema() throws Exception {
        JsonSchema change = schema("event/db-change.schema.json");
        Event event = update().toEvent("docs", "slot:0/1A2B3C4:1");

        assertThat(change.validate(JSON.readTree(event.data().getBytes()))).isEmpty();
        assertThat(change.validate(JSON.readTree(
                        Files.readString(SCHEMAS.resolve("fixtures/event/db-change-update-unchanged-toast.json")))))
                .isEmpty();
    }

    @Test
    void changeSchemaRejectsAnInsertWithAnOldRecord() throws Exception {
        JsonNode insert = JSON.readTree("{\"type\":\"INSERT\",\"table\":\"t\",\"schema\":\"public\","
                + "\"record\":{\"id\":1},\"old_record\":{\"id\":1}}");

        assertThat(schema("event/db-change.schema.json").validate(insert)).isNotEmpty();
    }

    @Test
    void optionSchemasAcceptWhatTheFactoriesAcceptAndRejectUnknownKeys() throws Exception {
        JsonSchema source = schema("config/types/source-postgres-cdc.schema.json");
        JsonSchema sink = schema("config/types/sink-postgres.schema.json");
        String validSource = "{'name':'orders','type':'postgres-cdc','url':'postgresql://app@db/shop',"
                + "'tables':['users:insert'],'heartbeat-interval':'5s','max-inflight':100,"
                + "'status-interval':'1s','create-slot':false,'slot':'s_1'}";
        String validSink = "{'name':'db','type':'postgres','url':'postgresql://a@b/c','table':'shop.orders',"
                + "'columns':{'id':'record.id'},'event-id-column':'event_id','mode':'upsert','key-columns':'id',"
                + "'pool-size':2,'concurrency':4,'retry':{'max-attempts':3}}";

        assertThat(source.validate(json(validSource))).isEmpty();
        assertThat(source.validate(json("{'url':'postgresql://app@db/shop','publication':'p'}")))
                .isNotEmpty();
        assertThat(sink.validate(json(validSink))).isEmpty();
        assertThat(sink.validate(json("{'url':'postgresql://a@b/c','table':'t','batch':10}")))
                .isNotEmpty();
    }
}
