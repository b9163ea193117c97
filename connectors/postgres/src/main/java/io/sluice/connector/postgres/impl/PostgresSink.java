package io.sluice.connector.postgres.impl;

import io.sluice.event.Event;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Sink;
import io.sluice.pipeline.SinkException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: postgres}: writes each event's JSON data (or the fields {@code columns} maps) as a
 * row, in its own transaction, with the Vert.x PostgreSQL client.
 *
 * <h2>Idempotence</h2>
 *
 * With {@code event-id-column}, the event id is written too and a conflict on it does nothing (or,
 * with {@code mode: upsert}, updates the row): an event delivered twice, after a retry or a
 * redelivery, leaves one row. The column needs a unique constraint.
 *
 * <h2>Failures</h2>
 *
 * Connection trouble and transient server states fail as retryable; a row the server refuses
 * (constraint, type, missing column) fails as permanent, so the core dead-letters it at once with
 * the server's message.
 */
final class PostgresSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSink.class);
    private static final Object ABSENT = new Object();

    private final String name;
    private final SinkSettings settings;
    private Pool pool;

    PostgresSink(String name, SinkSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    @Override
    public Future<Void> start(Vertx vertx) {
        pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(settings.poolSize()))
                .connectingTo(settings.url().connectOptions().setCachePreparedStatements(true))
                .using(vertx)
                .build();
        return checkTable()
                .onSuccess(v -> LOG.info(
                        "Sink '{}' writes to table '{}' on {} ({}{})",
                        name,
                        settings.table(),
                        settings.url(),
                        settings.upsert() ? "upsert on " + settings.keyColumns() : "insert",
                        settings.eventIdColumn() == null ? "" : ", event id in '" + settings.eventIdColumn() + "'"));
    }

    /**
     * Fails the start when the table is missing, or when the conflict target has no unique index:
     * otherwise every event would be dead-lettered with the same error.
     */
    private Future<Void> checkTable() {
        List<String> conflict = conflictTarget();
        return pool.preparedQuery("SELECT to_regclass($1)::text AS found, EXISTS (SELECT 1 FROM pg_index i"
                        + " WHERE i.indrelid = to_regclass($1) AND i.indisunique AND i.indpred IS NULL"
                        + " AND (SELECT array_agg(a.attname::text ORDER BY a.attname::text) FROM pg_attribute a"
                        + " WHERE a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey))"
                        + " = (SELECT array_agg(c ORDER BY c) FROM unnest($2::text[]) c)) AS unique_target")
                .execute(Tuple.tuple()
                        .addString(InsertStatement.qualified(settings.table()))
                        .addArrayOfString(conflict.toArray(new String[0])))
                .compose(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getString("found") == null) {
                        return Future.failedFuture(new IllegalStateException("sink '" + name + "': table '"
                                + settings.table() + "' does not exist in " + settings.url()));
                    }
                    if (!conflict.isEmpty() && !row.getBoolean("unique_target")) {
                        return Future.failedFuture(new IllegalStateException("sink '" + name + "': table '"
                                + settings.table() + "' has no unique index on " + conflict
                                + ", which ON CONFLICT needs: CREATE UNIQUE INDEX ON " + settings.table() + " ("
                                + String.join(", ", conflict) + ")"));
                    }
                    return Future.<Void>succeededFuture();
                });
    }

    private List<String> conflictTarget() {
        if (settings.upsert()) {
            return settings.keyColumns();
        }
        return settings.eventIdColumn() == null ? List.of() : List.of(settings.eventIdColumn());
    }

    @Override
    public Future<Delivery> send(Event event) {
        JsonObject row;
        try {
            row = row(event);
        } catch (IOException | IllegalArgumentException e) {
            return Future.failedFuture(SinkException.permanent(
                    "sink '" + name + "' cannot write event '" + event.id() + "': " + e.getMessage(), e));
        }
        List<String> columns = new ArrayList<>(row.fieldNames());
        String sql = InsertStatement.sql(settings.table(), columns, conflictTarget(), settings.upsert());
        return pool.withTransaction(connection -> connection.preparedQuery(sql).execute(Tuple.of(row)))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        LOG.debug("Sink '{}' already holds event '{}'", name, event.id());
                    }
                    return Delivery.done();
                })
                .recover(e -> Future.failedFuture(SinkErrors.classify(e, settings.table(), event.id())));
    }

    /** The row to write: the mapped fields, or every top-level field; plus the event id. */
    private JsonObject row(Event event) throws IOException {
        // Decoded with exact numbers: a numeric(30,9) must not pass through a double.
        Object decoded = PgValues.vertx(PgValues.JSON.readTree(event.data().getBytes()));
        if (!(decoded instanceof JsonObject)) {
            throw new IllegalArgumentException("its data is not a JSON object");
        }
        JsonObject data = (JsonObject) decoded;
        JsonObject row = new JsonObject();
        if (settings.columns().isEmpty()) {
            data.forEach(field -> row.put(field.getKey(), field.getValue()));
        } else {
            for (Map.Entry<String, String> column : settings.columns().entrySet()) {
                Object value = field(data, column.getValue());
                // An absent field leaves the column to its default; an explicit null writes NULL.
                if (value != ABSENT) {
                    row.put(column.getKey(), value);
                }
            }
        }
        if (settings.eventIdColumn() != null) {
            row.put(settings.eventIdColumn(), event.id());
        }
        if (row.isEmpty()) {
            throw new IllegalArgumentException("its data has no field to write");
        }
        return row;
    }

    /** A top-level field, or a nested one by dotted path; {@link #ABSENT} when there is none. */
    private static Object field(JsonObject data, String path) {
        Object value = data;
        for (String part : path.split("\\.")) {
            if (!(value instanceof JsonObject) || !((JsonObject) value).containsKey(part)) {
                return ABSENT;
            }
            value = ((JsonObject) value).getValue(part);
        }
        return value;
    }

    @Override
    public Future<Void> stop() {
        return pool == null ? Future.succeededFuture() : pool.close();
    }
}
