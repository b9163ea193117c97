package io.sluice.connector.postgres.impl;

import io.sluice.config.ComponentConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of a {@code postgres} sink.
 *
 * @param url the database
 * @param table the table, {@code schema.table} or a bare name found through the search path
 * @param columns column to JSON field (a top-level name or a dotted path such as {@code
 *     record.id}); empty means every top-level field into the column of the same name
 * @param eventIdColumn the column that receives the event id and has a unique constraint, or
 *     {@code null}
 * @param upsert whether a conflict on {@code keyColumns} updates the row instead of keeping it
 * @param keyColumns the conflict target of an upsert
 * @param poolSize connections at most
 */
record SinkSettings(
        PostgresUrl url,
        String table,
        Map<String, String> columns,
        String eventIdColumn,
        boolean upsert,
        List<String> keyColumns,
        int poolSize) {

    /** The sink's own options, plus the keys the core reads for every sink. */
    static final Set<String> OPTIONS = Set.of(
            "url",
            "table",
            "columns",
            "event-id-column",
            "mode",
            "key-columns",
            "pool-size",
            "concurrency",
            "timeout",
            "rate",
            "retry",
            "circuit-breaker");

    static SinkSettings from(ComponentConfig config) {
        config.rejectUnknown(OPTIONS);
        PostgresUrl url = CdcSettings.url(config, "url");
        String table = config.requiredString("table");
        if (table.split("\\.", -1).length > 2 || table.startsWith(".") || table.endsWith(".")) {
            throw config.problem("table", "must be table or schema.table", table);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        config.section("columns").json().forEach(entry -> {
            if (!(entry.getValue() instanceof String) || ((String) entry.getValue()).isEmpty()) {
                throw config.problem("columns/" + entry.getKey(), "must name a JSON field", entry.getValue());
            }
            columns.put(entry.getKey(), (String) entry.getValue());
        });
        String eventIdColumn = config.string("event-id-column", null);
        boolean upsert = config.oneOf("mode", "insert", "insert", "upsert").equals("upsert");
        List<String> keys = config.strings("key-columns", eventIdColumn == null ? List.of() : List.of(eventIdColumn));
        if (upsert && keys.isEmpty()) {
            throw config.problem(
                    "key-columns",
                    "is required with mode: upsert (or set event-id-column), to name the conflict",
                    null);
        }
        return new SinkSettings(
                url, table, columns, eventIdColumn, upsert, keys, config.integer("pool-size", 4, 1, 100));
    }
}
