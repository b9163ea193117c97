package io.sluice.connector.webhook;

import io.sluice.event.Event;
import io.sluice.event.Headers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The change event every database source emits, so that a route or function handles a row change
 * the same way whether it came from a Supabase Database Webhook, Realtime or a replication slot.
 *
 * <ul>
 *   <li>CloudEvents {@code type} {@value #TYPE}, {@code subject} {@code <schema>.<table>};
 *   <li>data, {@code application/json}: {@code {"type","table","schema","record","old_record",
 *       "commit_timestamp","position","xid","columns","unchanged_toast"}}, the first five exactly as
 *       a Supabase Database Webhook body has them, the others {@code null} (or {@code []}) when the
 *       source does not know them;
 *   <li>headers {@value #ACTION_HEADER} ({@code insert}, {@code update} or {@code delete}) and
 *       {@value #TABLE_HEADER} (the table name), as the OpenFaaS postgres-connector sends them, so
 *       functions written for it keep working.
 * </ul>
 *
 * <p>The source sets {@code id} and {@code source}.
 */
public final class ChangeEvents {

    /** The CloudEvents type of every change event. */
    public static final String TYPE = "io.sluice.db.change";

    /** The header naming the action in lower case. */
    public static final String ACTION_HEADER = "X-Event-Action";

    /** The header naming the table. */
    public static final String TABLE_HEADER = "X-Event-Table";

    private ChangeEvents() {}

    /** A builder holding the change's type, subject, data and headers; id and source are the caller's. */
    public static Event.Builder builder(DatabaseChange change) {
        Headers headers = Headers.builder()
                .add(ACTION_HEADER, change.action().lowerCase())
                .add(TABLE_HEADER, change.table())
                .build();
        return Event.builder()
                .type(TYPE)
                .subject(change.schema() + "." + change.table())
                .headers(headers)
                .data(data(change));
    }

    /** The change as the event's JSON data, members in the documented order. */
    public static JsonObject data(DatabaseChange change) {
        return new JsonObject()
                .put("type", change.action().name())
                .put("table", change.table())
                .put("schema", change.schema())
                .put("record", change.record())
                .put("old_record", change.oldRecord())
                .put("commit_timestamp", change.commitTimestamp())
                .put("position", change.position())
                .put("xid", change.xid())
                .put("columns", change.columns())
                .put("unchanged_toast", new JsonArray(change.unchangedToast()));
    }
}
