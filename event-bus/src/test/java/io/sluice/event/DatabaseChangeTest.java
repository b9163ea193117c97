package io.sluice.event;

import static io.sluice.event.DatabaseChange.Action.INSERT;
import static io.sluice.event.DatabaseChange.Action.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseChangeTest {

    private static final String COMMITTED = "2024-03-08T13:14:16.417Z";
    private static final String LSN = "0/1A2B3C4";
    private static final JsonObject KEY = new JsonObject().put("id", 42);
    private static final List<String> TOAST = List.of("body");
    private static final JsonObject ROW = new JsonObject().put("id", 42).put("title", "Q3");
    private static final List<DatabaseChange.Column> COLUMNS =
            List.of(new DatabaseChange.Column("id", "bigint"), new DatabaseChange.Column("body", "text"));

    @Test
    void aDeleteCarriesTheOldRowTheActionHeadersAndNullForWhatAWebhookCannotKnow() {
        DatabaseChange change = DatabaseChange.of(
                DatabaseChange.Action.DELETE, "public", "orders", null, new JsonObject().put("id", 3));

        Event event = change.toEvent("/supabase/db", "x");

        assertThat(event.type()).isEqualTo("io.sluice.db.change");
        assertThat(event.subject()).isEqualTo("public.orders");
        assertThat(event.dataContentType()).isEqualTo("application/json");
        assertThat(event.headers().first("X-Event-Action")).isEqualTo("delete");
        assertThat(event.headers().first("X-Event-Table")).isEqualTo("orders");
        assertThat(event.extensions()).doesNotContainKey("position");
        assertThat(event.data().toString())
                .isEqualTo("{\"type\":\"DELETE\",\"table\":\"orders\",\"schema\":\"public\",\"record\":null,"
                        + "\"old_record\":{\"id\":3},\"commit_timestamp\":null,\"position\":null,\"xid\":null,"
                        + "\"columns\":null,\"unchanged_toast\":[]}");
    }

    @Test
    void anUpdateFromTheLogCarriesItsPositionCommitTimeColumnsAndUnchangedToast() {
        DatabaseChange update =
                new DatabaseChange(UPDATE, "public", "documents", ROW, KEY, COMMITTED, LSN, 7351L, COLUMNS, TOAST);

        Event event = update.toEvent("/sources/docs", "slot:0/1A2B3C4:1");

        assertThat(event.id()).isEqualTo("slot:0/1A2B3C4:1");
        assertThat(event.source()).isEqualTo("/sources/docs");
        assertThat(event.subject()).isEqualTo("public.documents");
        assertThat(event.time()).isEqualTo(Instant.parse(COMMITTED));
        assertThat(event.extension("position")).isEqualTo(LSN);
        assertThat(event.headers().first("X-Event-Action")).isEqualTo("update");
        assertThat(event.headers().first("X-Event-Table")).isEqualTo("documents");
        assertThat(event.data().toString())
                .isEqualTo("{\"type\":\"UPDATE\",\"table\":\"documents\",\"schema\":\"public\","
                        + "\"record\":{\"id\":42,\"title\":\"Q3\"},\"old_record\":{\"id\":42},"
                        + "\"commit_timestamp\":\"2024-03-08T13:14:16.417Z\",\"position\":\"0/1A2B3C4\","
                        + "\"xid\":7351,\"columns\":[{\"name\":\"id\",\"type\":\"bigint\"},"
                        + "{\"name\":\"body\",\"type\":\"text\"}],\"unchanged_toast\":[\"body\"]}");
    }

    @Test
    void aCommitTimestampThatIsNoInstantStaysInTheDataAndLeavesTheEventTimeToTheBuilder() {
        String pgText = "2024-03-08 13:14:16+00";
        DatabaseChange change =
                new DatabaseChange(INSERT, "public", "t", ROW, null, pgText, null, null, null, List.of());
        Instant before = Instant.now();

        Event event = change.toEvent("/s", "i");

        assertThat(event.dataAsJson().getString("commit_timestamp")).isEqualTo(pgText);
        assertThat(event.time()).isAfterOrEqualTo(before);
    }

    @Test
    void actionsAreNamedExactlyAsTgOpSpellsThem() {
        assertThat(DatabaseChange.Action.named("UPDATE")).contains(DatabaseChange.Action.UPDATE);
        assertThat(DatabaseChange.Action.named("update")).isEmpty();
        assertThat(DatabaseChange.Action.named(null)).isEmpty();
    }
}
