package io.sluice.connector.postgres.impl;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The columns of each table a source has seen changes of, looked up once and kept, so that an
 * UPDATE's missing TOAST columns can be named. Used from the source's event loop only.
 */
final class RelationCache {

    private final BiFunction<String, String, Future<TableColumns>> lookup;
    private final Map<String, TableColumns> entries = new HashMap<>();

    /** @param lookup reads a table's columns from the catalog, given schema and table */
    RelationCache(BiFunction<String, String, Future<TableColumns>> lookup) {
        this.lookup = lookup;
    }

    /** The table's columns, from the cache when known. */
    Future<TableColumns> columns(String schema, String table) {
        TableColumns cached = entries.get(key(schema, table));
        return cached != null ? Future.succeededFuture(cached) : refresh(schema, table);
    }

    /** Looks the table's columns up again, after a schema change. */
    Future<TableColumns> refresh(String schema, String table) {
        return lookup.apply(schema, table).onSuccess(columns -> entries.put(key(schema, table), columns));
    }

    /** Forgets every table, when the source stops leading. */
    void clear() {
        entries.clear();
    }

    private static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }
}
