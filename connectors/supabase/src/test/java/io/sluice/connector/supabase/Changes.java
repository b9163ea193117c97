package io.sluice.connector.supabase;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** {@code postgres_changes} data objects as Realtime sends them (reference §1.8), for table {@code public.todos}. */
final class Changes {

    private Changes() {}

    static JsonObject insert(long id) {
        return base("INSERT", "2025-11-19T00:22:40.877Z").put("record", row(id, "buy milk"));
    }

    static JsonObject update(long id) {
        return base("UPDATE", "2025-11-19T00:22:41.000Z")
                .put("record", row(id, "buy oat milk"))
                .put("old_record", new JsonObject().put("id", id));
    }

    static JsonObject delete(long id) {
        return base("DELETE", "2025-11-19T00:22:42.123Z").put("old_record", new JsonObject().put("id", id));
    }

    /** An oversized row: values over 64 bytes dropped and the error reported. */
    static JsonObject tooLarge(long id) {
        return base("INSERT", "2025-11-19T00:22:43.000Z")
                .put("record", new JsonObject().put("id", id))
                .put("errors", new JsonArray().add("Error 413: Payload Too Large"));
    }

    private static JsonObject base(String type, String commitTimestamp) {
        return new JsonObject()
                .put("schema", "public")
                .put("table", "todos")
                .put("commit_timestamp", commitTimestamp)
                .put("type", type)
                .put(
                        "columns",
                        new JsonArray()
                                .add(new JsonObject().put("name", "id").put("type", "int8"))
                                .add(new JsonObject().put("name", "title").put("type", "text")))
                .putNull("errors");
    }

    private static JsonObject row(long id, String title) {
        return new JsonObject().put("id", id).put("title", title);
    }
}
