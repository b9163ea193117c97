package io.sluice.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One row change, in the shape every database source of Sluice emits (a replication slot, a Supabase
 * Database Webhook, Supabase Realtime), so that a route or function handles a change the same way
 * whichever source saw it. The data is the Supabase Database Webhook body ({@code type}, {@code
 * table}, {@code schema}, {@code record}, {@code old_record}) plus what only some sources know: when
 * it committed, where it sits in the log, its transaction and the table's columns. The JSON Schema is
 * {@code io/sluice/schemas/event/db-change.schema.json} in {@code sluice-schemas}.
 *
 * <p>Values in {@code record} and {@code old_record} are JSON-typed as PostgreSQL's {@code to_jsonb}
 * writes them, which is what a webhook body holds: numbers as numbers, {@code json}/{@code jsonb}
 * nested, booleans as booleans, timestamps in ISO 8601.
 *
 * <h2>What old_record holds</h2>
 *
 * It is {@code null} for an INSERT. For UPDATE and DELETE it holds the row's replica identity: the
 * primary key columns under {@code REPLICA IDENTITY DEFAULT}, the whole old row under {@code REPLICA
 * IDENTITY FULL}, and is {@code null} for a table with neither key nor identity, and for an UPDATE
 * whose source does not see the old row.
 *
 * <h2>Unchanged TOAST columns</h2>
 *
 * An UPDATE that leaves a large (TOASTed) value unchanged does not carry it in the log. Such a column
 * is listed in {@code unchanged_toast} and left <em>out</em> of {@code record}: it is never written
 * as {@code null}, which would read as "set to null". Under {@code REPLICA IDENTITY FULL} the value
 * is in {@code old_record}, unchanged. A source that cannot tell (a webhook, Realtime) leaves the list
 * empty.
 *
 * @param action what happened to the row
 * @param schema the table's schema, e.g. {@code public}
 * @param table the table's name, without schema
 * @param record the new row; {@code null} for a DELETE
 * @param oldRecord the old row's identity; {@code null} for an INSERT
 * @param commitTimestamp when the transaction committed (RFC 3339, as the source reported it), or
 *     {@code null} when unknown
 * @param position the change's log position (an LSN such as {@code 0/1A2B3C}), or {@code null}
 * @param xid the transaction id, or {@code null} when unknown
 * @param columns every column of the table with its type, in table order, or {@code null} when the
 *     source does not know them
 * @param unchangedToast columns left out of {@code record} because their value did not change; empty
 *     when none or unknown
 */
public record DatabaseChange(
        Action action,
        String schema,
        String table,
        JsonObject record,
        JsonObject oldRecord,
        String commitTimestamp,
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

    /**
     * Checks the components and copies the lists.
     *
     * @throws NullPointerException when action, schema, table or unchangedToast is {@code null}
     */
    public DatabaseChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        columns = columns == null ? null : List.copyOf(columns);
        unchangedToast = List.copyOf(Objects.requireNonNull(unchangedToast, "unchangedToast"));
    }

    /** A change as a Database Webhook reports it: rows only, no commit time, log position or columns. */
    public static DatabaseChange of(
            Action action, String schema, String table, JsonObject record, JsonObject oldRecord) {
        return new DatabaseChange(action, schema, table, record, oldRecord, null, null, null, null, List.of());
    }

    /** What happened to a row; the names are PostgreSQL's {@code TG_OP} values. */
    public enum Action {
        INSERT,
        UPDATE,
        DELETE;

        /** The action whose name is exactly {@code name} ({@code INSERT}, not {@code insert}), if any. */
        public static Optional<Action> named(String name) {
            for (Action action : values()) {
                if (action.name().equals(name)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }

        /** The lower-case form used in headers and filters. */
        public String lowerCase() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A column of the changed table.
     *
     * @param name the column name
     * @param type the type as the source names it: PostgreSQL's {@code format_type} without
     *     modifiers (e.g. {@code character varying}) for a replication slot, the {@code typname}
     *     (e.g. {@code int8}) for Realtime
     */
    public record Column(String name, String type) {}

    /** The change as its JSON data, members in the documented order. */
    public JsonObject toJson() {
        JsonArray columnArray = null;
        if (columns != null) {
            columnArray = new JsonArray();
            for (Column column : columns) {
                columnArray.add(new JsonObject().put("name", column.name()).put("type", column.type()));
            }
        }
        return new JsonObject()
                .put("type", action.name())
                .put("table", table)
                .put("schema", schema)
                .put("record", record)
                .put("old_record", oldRecord)
                .put("commit_timestamp", commitTimestamp)
                .put("position", position)
                .put("xid", xid)
                .put("columns", columnArray)
                .put("unchanged_toast", new JsonArray(new ArrayList<>(unchangedToast)));
    }

    /**
     * Builds the CloudEvent: {@code type} {@value #EVENT_TYPE}, {@code subject} {@code
     * <schema>.<table>}, {@code time} the commit time when it is an ISO 8601 instant (otherwise the
     * builder's default, now), the position as the {@value #POSITION_EXTENSION} extension when known,
     * the {@value #ACTION_HEADER} and {@value #TABLE_HEADER} headers, and {@link #toJson()} as
     * {@code application/json} data.
     *
     * @param source the CloudEvents {@code source}; each source type keeps its own, e.g. {@code
     *     /sources/<name>}
     * @param id an id that stays the same when the change is delivered again
     */
    public Event toEvent(String source, String id) {
        Event.Builder builder = Event.builder()
                .id(id)
                .source(source)
                .type(EVENT_TYPE)
                .subject(schema + "." + table)
                .headers(Headers.builder()
                        .set(ACTION_HEADER, action.lowerCase())
                        .set(TABLE_HEADER, table)
                        .build())
                .data(toJson());
        Instant time = commitInstant();
        if (time != null) {
            builder.time(time);
        }
        if (position != null) {
            builder.extension(POSITION_EXTENSION, position);
        }
        return builder.build();
    }

    private Instant commitInstant() {
        if (commitTimestamp == null) {
            return null;
        }
        try {
            return Instant.parse(commitTimestamp);
        } catch (DateTimeParseException e) {
            // The data keeps the text as the source wrote it; only the CloudEvents time is left unset.
            return null;
        }
    }
}
