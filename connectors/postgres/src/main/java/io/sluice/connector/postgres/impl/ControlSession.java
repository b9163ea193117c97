package io.sluice.connector.postgres.impl;

import io.sluice.event.DatabaseChange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A CDC source's ordinary session with the database (not a replication one), kept open for as long
 * as the source runs. It holds the leader's advisory lock, so it must stay one dedicated
 * connection: the lock is released exactly when this session ends, which is how a standby learns
 * that the leader died. It also writes heartbeats, reads the slot's lag and looks tables up.
 *
 * <p>Non-blocking (Vert.x client); used from the source's event loop.
 */
final class ControlSession {

    /** The prefix of heartbeat messages; wal2json is told to pass these messages only. */
    static final String HEARTBEAT_PREFIX = "sluice-heartbeat";

    private final PgConnection connection;
    private volatile boolean open = true;

    private ControlSession(PgConnection connection) {
        this.connection = connection;
    }

    /** Connects; {@code onClose} runs if the session ends by itself. */
    static Future<ControlSession> connect(Vertx vertx, PostgresUrl url, Runnable onClose) {
        return PgConnection.connect(vertx, url.connectOptions()).map(connection -> {
            ControlSession session = new ControlSession(connection);
            connection.closeHandler(v -> {
                if (session.open) {
                    session.open = false;
                    onClose.run();
                }
            });
            return session;
        });
    }

    /** The underlying connection, for {@link SlotSetup}. */
    PgConnection connection() {
        return connection;
    }

    /**
     * Tries to become the slot's only reader: a session-level advisory lock keyed by the slot's
     * name, held until this session ends.
     */
    Future<Boolean> tryLead(String slot) {
        return connection
                .preparedQuery("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS leading")
                .execute(Tuple.of("sluice-cdc:" + slot))
                .map(rows -> rows.iterator().next().getBoolean("leading"));
    }

    /**
     * Writes a non-transactional logical message that the slot's stream will carry back; once
     * every event before it settled, its position can be confirmed even when no captured table
     * changes, so the slot does not hold WAL back.
     */
    Future<Long> heartbeat(String slot) {
        return connection
                .preparedQuery("SELECT pg_logical_emit_message(false, $1, $2)::text AS lsn")
                .execute(Tuple.of(HEARTBEAT_PREFIX, slot))
                .map(rows -> Lsn.parse(rows.iterator().next().getString("lsn")));
    }

    /** How many bytes of WAL the slot holds beyond its confirmed position; -1 when it is gone. */
    Future<Long> slotLag(String slot) {
        return connection
                .preparedQuery("SELECT (pg_current_wal_lsn() - confirmed_flush_lsn)::bigint AS lag"
                        + " FROM pg_replication_slots WHERE slot_name = $1")
                .execute(Tuple.of(slot))
                .map(rows -> {
                    Row row = rows.size() == 0 ? null : rows.iterator().next();
                    return row == null || row.getLong("lag") == null ? -1L : row.getLong("lag");
                });
    }

    /** The table's columns as the catalog lists them now; none when the table does not exist. */
    Future<TableColumns> columns(String schema, String table) {
        return connection
                .preparedQuery("SELECT a.attname::text AS name, format_type(a.atttypid, NULL) AS type,"
                        + " t.typlen = -1 AS varlena"
                        + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                        + " WHERE a.attrelid = to_regclass(format('%I.%I', $1::text, $2::text))"
                        + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")
                .execute(Tuple.of(schema, table))
                .map(ControlSession::toColumns);
    }

    private static TableColumns toColumns(RowSet<Row> rows) {
        List<DatabaseChange.Column> columns = new ArrayList<>();
        Set<String> varlena = new HashSet<>();
        for (Row row : rows) {
            columns.add(new DatabaseChange.Column(row.getString("name"), row.getString("type")));
            if (Boolean.TRUE.equals(row.getBoolean("varlena"))) {
                varlena.add(row.getString("name"));
            }
        }
        return new TableColumns(columns, varlena, System.nanoTime());
    }

    /** Ends the session, releasing the lock if it held it. */
    Future<Void> close() {
        open = false;
        return connection.close();
    }
}
