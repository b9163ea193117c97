package io.sluice.connector.postgres.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that writes one event's row. Values travel as one {@code jsonb} parameter and PostgreSQL
 * turns them into the row's types with {@code jsonb_populate_record}, so a value of the wrong type
 * is the server's error (and the event is dead-lettered with its message), never a guess of ours.
 *
 * <pre>
 * INSERT INTO "t" ("a", "b") SELECT "a", "b" FROM jsonb_populate_record(NULL::"t", $1)
 *   ON CONFLICT ("event_id") DO NOTHING
 * </pre>
 */
final class InsertStatement {

    private InsertStatement() {}

    /**
     * Builds the statement for these columns.
     *
     * @param table {@code table} or {@code schema.table}, unquoted
     * @param columns the columns to write, in order
     * @param conflict the conflict target, or empty for none
     * @param update whether a conflict updates the other columns instead of doing nothing
     */
    static String sql(String table, List<String> columns, List<String> conflict, boolean update) {
        String target = qualified(table);
        String list = columns.stream().map(InsertStatement::quote).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("INSERT INTO ")
                .append(target)
                .append(" (")
                .append(list)
                .append(") SELECT ")
                .append(list)
                .append(" FROM jsonb_populate_record(NULL::")
                .append(target)
                .append(", $1::jsonb)");
        if (conflict.isEmpty()) {
            return sql.toString();
        }
        sql.append(" ON CONFLICT (")
                .append(conflict.stream().map(InsertStatement::quote).collect(Collectors.joining(", ")))
                .append(")");
        List<String> updated = new ArrayList<>();
        if (update) {
            for (String column : columns) {
                if (!conflict.contains(column)) {
                    updated.add(quote(column) + " = EXCLUDED." + quote(column));
                }
            }
        }
        return updated.isEmpty()
                ? sql.append(" DO NOTHING").toString()
                : sql.append(" DO UPDATE SET ")
                        .append(String.join(", ", updated))
                        .toString();
    }

    /** {@code schema.table} with each part quoted. */
    static String qualified(String table) {
        int dot = table.indexOf('.');
        return dot < 0 ? quote(table) : quote(table.substring(0, dot)) + "." + quote(table.substring(dot + 1));
    }

    /** A quoted identifier: names are taken exactly as written, never as SQL. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
