package io.sluice.connector.webhook;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row change, whichever database source saw it: the fields of a Supabase Database Webhook body
 * ({@code type}, {@code table}, {@code schema}, {@code record}, {@code old_record}) plus what only a
 * change-data-capture source knows. {@link ChangeEvents} turns it into the shared change event.
 *
 * @param action what happened to the row
 * @param schema the table's schema, e.g. {@code public}
 * @param table the table's name
 * @param record the row after the change; {@code null} for a delete
 * @param oldRecord the row before the change; {@code null} for an insert, and for an update whose
 *     source does not see the old row
 * @param commitTimestamp when the transaction committed (RFC 3339), or {@code null} when unknown
 * @param position the change's position in the database log (an LSN), or {@code null}
 * @param xid the transaction id, or {@code null}
 * @param columns column names and types, or {@code null} when the source does not know them
 * @param unchangedToast columns left out of {@code record} because they were unchanged and stored
 *     out of line (TOAST); empty when none or unknown
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
        JsonArray columns,
        List<String> unchangedToast) {

    /** What happened to the row; the names are PostgreSQL's {@code TG_OP} values. */
    public enum Action {
        INSERT,
        UPDATE,
        DELETE;

        /** The lower-case name, as the {@code X-Event-Action} header carries it. */
        public String lowerCase() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException when action, schema, table or unchangedToast is {@code null}
     */
    public DatabaseChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        unchangedToast = List.copyOf(Objects.requireNonNull(unchangedToast, "unchangedToast"));
    }

    /** A change as a Database Webhook reports it: rows only, no log position or transaction. */
    public static DatabaseChange of(
            Action action, String schema, String table, JsonObject record, JsonObject oldRecord) {
        return new DatabaseChange(action, schema, table, record, oldRecord, null, null, null, null, List.of());
    }
}
