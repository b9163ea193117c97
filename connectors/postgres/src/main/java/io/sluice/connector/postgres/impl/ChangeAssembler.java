package io.sluice.connector.postgres.impl;

import io.sluice.connector.postgres.impl.WalRecord.ColumnValue;
import io.sluice.event.DatabaseChange;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Builds a {@link DatabaseChange} from a wal2json change and the table's columns.
 *
 * <p>wal2json leaves an unchanged TOASTed value out of an UPDATE's new row and says nothing about
 * it (its "don't send unchanged TOAST Datum"), so only the table's column list tells it from a
 * column that does not exist. A variable-length column of the table that is missing from an UPDATE
 * is therefore listed in {@code unchanged_toast} and left out of {@code record}.
 */
final class ChangeAssembler {

    /** How old a column list may be before a missing column makes us look the table up again. */
    private static final long STALE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);

    private ChangeAssembler() {}

    /**
     * Whether the cached columns may be out of date for this change: it carries a column the
     * cache does not know (a column was added), or lacks one that TOAST cannot explain (a column
     * was dropped), or lacks a variable-length one and the cache is older than 30 s.
     */
    static boolean needsFreshColumns(WalRecord.Change change, TableColumns table) {
        if (table.columns().isEmpty()) {
            // The table was not found (dropped since the change): ask again now and then only.
            return table.olderThan(STALE_AFTER_NANOS);
        }
        if (change.columns() == null) {
            return false;
        }
        Set<String> known = table.names();
        Set<String> present = names(change.columns());
        if (!known.containsAll(present)) {
            return true;
        }
        for (String name : known) {
            if (!present.contains(name)
                    && (change.action() != DatabaseChange.Action.UPDATE
                            || !table.varlena().contains(name)
                            || table.olderThan(STALE_AFTER_NANOS))) {
                return true;
            }
        }
        return false;
    }

    /** Builds the change; {@code xid} and {@code commitTime} come from the transaction's begin. */
    static DatabaseChange assemble(WalRecord.Change change, Long xid, Instant commitTime, TableColumns table) {
        JsonObject record = change.columns() == null ? null : values(change.columns());
        JsonObject oldRecord = change.action() == DatabaseChange.Action.INSERT || change.identity() == null
                ? null
                : values(change.identity());
        List<String> unchangedToast = new ArrayList<>();
        if (change.action() == DatabaseChange.Action.UPDATE && change.columns() != null) {
            Set<String> present = names(change.columns());
            for (DatabaseChange.Column column : table.columns()) {
                if (!present.contains(column.name()) && table.varlena().contains(column.name())) {
                    unchangedToast.add(column.name());
                }
            }
        }
        List<DatabaseChange.Column> columns = table.columns().isEmpty() ? columnsOf(change) : table.columns();
        return new DatabaseChange(
                change.action(),
                change.schema(),
                change.table(),
                change.action() == DatabaseChange.Action.DELETE ? null : record,
                oldRecord,
                commitTime == null ? null : commitTime.toString(),
                change.lsn(),
                xid,
                columns,
                unchangedToast);
    }

    private static JsonObject values(List<ColumnValue> columns) {
        JsonObject values = new JsonObject();
        for (ColumnValue column : columns) {
            values.put(column.name(), PgValues.convert(column.type(), column.value()));
        }
        return values;
    }

    private static List<DatabaseChange.Column> columnsOf(WalRecord.Change change) {
        List<ColumnValue> source = change.columns() != null ? change.columns() : change.identity();
        List<DatabaseChange.Column> columns = new ArrayList<>();
        if (source != null) {
            source.forEach(c -> columns.add(new DatabaseChange.Column(c.name(), c.type())));
        }
        return columns;
    }

    private static Set<String> names(List<ColumnValue> columns) {
        Set<String> names = new HashSet<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }
}
