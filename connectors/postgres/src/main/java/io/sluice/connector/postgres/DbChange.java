package io.sluice.connector.postgres;

import io.sluice.event.Event;
import io.sluice.event.Headers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row change, in the shape every database source of Sluice emits: the Supabase Database Webhook
 * body ({@code type}, {@code table}, {@code schema}, {@code record}, {@code old_record}) plus when it
 * committed, where it sits in the log and which columns it has. The JSON Schema is {@code
 * io/sluice/schemas/event/db-change.schema.json} in {@code sluice-schemas}.
 *
 * <p>Values in {@code record} and {@code old_record} are JSON-typed as PostgreSQL's {@code to_jsonb}
 * writes them, which is what a webhook body holds: numbers as numbers, {@code json}/{@code jsonb}
 * nested, booleans as booleans, timestamps in ISO 8601.
 *
 * <h2>What old_record holds</h2>
 *
 * It is {@code null} for an INSERT. For UPDATE and DELETE it holds the row's replica identity: the
 * primary key columns under {@code REPLICA IDENTITY DEFAULT}, the whole old row under {@code
 * REPLICA IDENTITY FULL}, and is {@code null} for a table with neither key nor identity.
 *
 * <h2>Unchanged TOAST columns</h2>
 *
 * An UPDATE that leaves a large (TOASTed) value unchanged does not carry it in the log. Such a
 * column is listed in {@code unchanged_toast} and left <em>out</em> of {@code record}: it is never
 * written as {@code null}, which would read as "set to null". Under {@code REPLICA IDENTITY FULL}
 * the value is in {@code old_record}, unchanged.
 *
 * @param action what happened to the row
 * @param schema the table's schema, e.g. {@code public}
 * @param table the table's name, without schema
 * @param record the new row; {@code null} for a DELETE
 * @param oldRecord the old row's identity; {@code null} for an INSERT
 * @param commitTimestamp when the transaction committed, or {@code null} when unknown
 * @param position the change's log position (an LSN such as {@code 0/1A2B3C}), or {@code null}
 * @param xid the transaction id, or {@code null} when unknown
 * @param columns every column of the table with its type, in table order
 * @param unchangedToast columns left out of {@code record} because their value did not change
 */
public record DbChange(
        Action action,
        String schema,
        String table,
        JsonObject record,
        JsonObject oldRecord,
        Instant commitTimestamp,
        String position,
        Long xid,
        List<Column> columns,
        List<String> unchangedToast) {

    /** The CloudEvents {@code type} of every change event. */
    public static final String EVENT_TYPE = "io.sluice.db.change";

    /** Header holding the action in lower case ({@code insert}), as the OpenFaaS connector sends it. */
    public static final String ACTION_HEADER = "X-Event-Action";

    /** Header holding the table name, as the OpenFaaS connector sends it. */
    public static final String TABLE_HEADER = "X-Event-Table";

    /** The CloudEvents extension carrying {@link #position()}. */
    public static final String POSITION_EXTENSION = "position";

    public DbChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        unchangedToast = List.copyOf(unchangedToast);
    }

    /** What happened to a row. */
    public enum Action {
        INSERT,
        UPDATE,
        DELETE;

        /** The lower-case form used in headers and filters. */
        public String lowerCase() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A column of the changed table.
     *
     * @param name the column name
     * @param type the type as PostgreSQL's {@code format_type} writes it without modifiers, e.g.
     *     {@code character varying}
     */
    public record Column(String name, String type) {}

    /** The change as its JSON data. */
    public JsonObject toJson() {
        JsonArray columnArray = new JsonArray();
        columns.forEach(
                c -> columnArray.add(new JsonObject().put("name", c.name()).put("type", c.type())));
        return new JsonObject()
                .put("type", action.name())
                .put("table", table)
                .put("schema", schema)
                .put("record", record)
                .put("old_record", oldRecord)
                .put("commit_timestamp", commitTimestamp == null ? null : commitTimestamp.toString())
                .put("position", position)
                .put("xid", xid)
                .put("columns", columnArray)
                .put("unchanged_toast", new JsonArray(List.copyOf(unchangedToast)));
    }

    /**
     * Builds the CloudEvent: {@code type} {@value #EVENT_TYPE}, {@code source} {@code
     * /sources/<name>}, {@code subject} {@code <schema>.<table>}, the position as the {@code position}
     * extension, and the {@value #ACTION_HEADER} and {@value #TABLE_HEADER} headers.
     *
     * @param sourceName the configured name of the source
     * @param id an id that stays the same when the change is delivered again
     */
    public Event toEvent(String sourceName, String id) {
        Event.Builder builder = Event.builder()
                .id(id)
                .source("/sources/" + sourceName)
                .type(EVENT_TYPE)
                .subject(schema + "." + table)
                .time(commitTimestamp)
                .headers(Headers.builder()
                        .set(ACTION_HEADER, action.lowerCase())
                        .set(TABLE_HEADER, table)
                        .build())
                .data(toJson());
        if (position != null) {
            builder.extension(POSITION_EXTENSION, position);
        }
        return builder.build();
    }
}
