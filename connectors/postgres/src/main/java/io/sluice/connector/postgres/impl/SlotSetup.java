package io.sluice.connector.postgres.impl;

import io.vertx.core.Future;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that the server can feed a CDC source and prepares its slot, failing with a {@link
 * CdcSetupException} that says what to do: {@code wal_level} must be {@code logical}, the role
 * needs {@code REPLICATION}, the slot must use wal2json in this database.
 */
final class SlotSetup {

    private static final Logger LOG = LoggerFactory.getLogger(SlotSetup.class);
    private static final String PLUGIN = "wal2json";

    private final PgConnection connection;
    private final PostgresUrl url;
    private final String slot;

    SlotSetup(PgConnection connection, PostgresUrl url, String slot) {
        this.connection = connection;
        this.url = url;
        this.slot = slot;
    }

    /** Checks {@code wal_level} and the role's right to replicate. */
    Future<Void> checkServer() {
        return connection
                .query("SELECT current_setting('wal_level') AS wal_level, current_user::text AS role,"
                        + " (SELECT rolsuper OR rolreplication FROM pg_roles WHERE rolname = current_user)"
                        + " AS may_replicate")
                .execute()
                .compose(rows -> {
                    Row row = rows.iterator().next();
                    String walLevel = row.getString("wal_level");
                    if (!"logical".equals(walLevel)) {
                        return Future.failedFuture(new CdcSetupException("the server at " + url
                                + " has wal_level '" + walLevel + "'; change data capture needs wal_level = logical:"
                                + " run ALTER SYSTEM SET wal_level = logical and restart PostgreSQL"));
                    }
                    if (!Boolean.TRUE.equals(row.getBoolean("may_replicate"))) {
                        String role = row.getString("role");
                        return Future.failedFuture(new CdcSetupException("role '" + role
                                + "' may not read replication slots: run ALTER ROLE " + role
                                + " WITH REPLICATION, or connect as a role that has REPLICATION"));
                    }
                    return Future.succeededFuture();
                });
    }

    /**
     * Makes sure the slot exists, uses wal2json and belongs to this database, creating it when
     * allowed; returns its confirmed position.
     */
    Future<Long> ensureSlot(boolean create) {
        return connection
                .preparedQuery("SELECT plugin::text, database::text, confirmed_flush_lsn::text AS confirmed"
                        + " FROM pg_replication_slots WHERE slot_name = $1")
                .execute(Tuple.of(slot))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return create ? create() : Future.failedFuture(missing());
                    }
                    return existing(rows.iterator().next());
                });
    }

    private Future<Long> existing(Row row) {
        String plugin = row.getString("plugin");
        if (!PLUGIN.equals(plugin)) {
            return Future.failedFuture(new CdcSetupException("replication slot '" + slot + "' decodes with '"
                    + plugin + "', not wal2json: drop it with SELECT pg_drop_replication_slot('" + slot
                    + "') or set another slot"));
        }
        if (!url.database().equals(row.getString("database"))) {
            return Future.failedFuture(new CdcSetupException("replication slot '" + slot + "' belongs to database '"
                    + row.getString("database") + "', not '" + url.database() + "': set another slot"));
        }
        String confirmed = row.getString("confirmed");
        return Future.succeededFuture(confirmed == null ? Lsn.NONE : Lsn.parse(confirmed));
    }

    private Future<Long> create() {
        return connection
                .preparedQuery("SELECT lsn::text FROM pg_create_logical_replication_slot($1, $2)")
                .execute(Tuple.of(slot, PLUGIN))
                .map(rows -> {
                    long lsn = Lsn.parse(rows.iterator().next().getString("lsn"));
                    LOG.info("Created replication slot '{}' (wal2json) at {} on {}", slot, Lsn.format(lsn), url);
                    return lsn;
                })
                .recover(this::explain);
    }

    private Future<Long> explain(Throwable failure) {
        if (failure instanceof PgException) {
            PgException e = (PgException) failure;
            CdcSetupException explained = SetupErrors.explain(e.getSqlState(), e.getErrorMessage(), slot, url);
            if (explained != null) {
                return Future.failedFuture(explained);
            }
        }
        return Future.failedFuture(failure);
    }

    private CdcSetupException missing() {
        return new CdcSetupException("replication slot '" + slot + "' does not exist and create-slot is false:"
                + " create it with SELECT pg_create_logical_replication_slot('" + slot + "', 'wal2json'),"
                + " or set create-slot: true");
    }
}
