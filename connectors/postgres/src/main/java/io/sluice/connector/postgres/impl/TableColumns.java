package io.sluice.connector.postgres.impl;

import io.sluice.event.DatabaseChange;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table's columns as the catalog lists them when they were looked up, and which of them are
 * variable-length (the only ones PostgreSQL can TOAST).
 *
 * @param columns every column, in table order
 * @param varlena the names of the variable-length columns
 * @param fetchedAtNanos when they were looked up ({@link System#nanoTime()})
 */
record TableColumns(List<DatabaseChange.Column> columns, Set<String> varlena, long fetchedAtNanos) {

    TableColumns {
        columns = List.copyOf(columns);
        varlena = Set.copyOf(varlena);
    }

    /** No known column: the table is gone, or could not be looked up. */
    static TableColumns unknown() {
        return new TableColumns(List.of(), Set.of(), System.nanoTime());
    }

    /** The column names, in table order. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }

    /** Whether the lookup is older than the given age. */
    boolean olderThan(long nanos) {
        return System.nanoTime() - fetchedAtNanos > nanos;
    }
}
