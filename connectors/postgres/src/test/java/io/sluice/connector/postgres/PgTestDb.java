package io.sluice.connector.postgres;

import static org.awaitility.Awaitility.await;

import io.sluice.connector.postgres.impl.PostgresUrl;
import io.sluice.testing.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain JDBC session on the test database ({@code TEST_PG_URL}) for setting tables up, writing
 * changes and reading the slots' state; and a clean-up that drops what a test created, slots
 * first, since a forgotten slot holds WAL back.
 */
final class PgTestDb implements AutoCloseable {

    private final Connection connection;
    private final List<String> slots = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();

    private PgTestDb(Connection connection) {
        this.connection = connection;
    }

    /** The test database's URL, as Sluice's options take it. */
    static String url() {
        return TestServices.postgresUrl();
    }

    static PgTestDb connect() throws SQLException {
        PostgresUrl url = PostgresUrl.parse(url());
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.jdbcProperties());
        connection.setAutoCommit(true);
        return new PgTestDb(connection);
    }

    /** Creates a table, dropped on close. */
    void createTable(String name, String columns) throws SQLException {
        tables.add(name);
        execute("DROP TABLE IF EXISTS " + name);
        execute("CREATE TABLE " + name + " (" + columns + ")");
    }

    /** Remembers a slot to drop on close, and drops it now if a former run left it. */
    void ownSlot(String slot) throws SQLException {
        slots.add(slot);
        dropSlot(slot);
    }

    void execute(String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Runs the statements in one transaction. */
    void transaction(String... statements) throws SQLException {
        connection.setAutoCommit(false);
        try {
            execute(statements);
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    long queryLong(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    String queryString(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** The slot's confirmed position in bytes from 0/0; -1 when the slot does not exist. */
    long confirmedFlush(String slot) throws SQLException {
        return queryLong("SELECT coalesce((SELECT confirmed_flush_lsn - '0/0' FROM pg_replication_slots"
                + " WHERE slot_name = '" + slot + "'), -1)::bigint");
    }

    /** WAL the slot keeps the server from recycling: the current position minus its restart_lsn. */
    long retainedWal(String slot) throws SQLException {
        return queryLong("SELECT (pg_current_wal_lsn() - restart_lsn)::bigint FROM pg_replication_slots"
                + " WHERE slot_name = '" + slot + "'");
    }

    /** The backend reading the slot, or 0 when none does. */
    long activePid(String slot) throws SQLException {
        return queryLong(
                "SELECT coalesce((SELECT active_pid FROM pg_replication_slots WHERE slot_name = '" + slot + "'), 0)");
    }

    private void dropSlot(String slot) {
        // A reader that just stopped may still hold the slot for a moment.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> {
            execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot
                    + "'");
            return true;
        });
    }

    @Override
    public void close() throws SQLException {
        try {
            slots.forEach(this::dropSlot);
            for (String table : tables) {
                execute("DROP TABLE IF EXISTS " + table);
            }
        } finally {
            connection.close();
        }
    }
}
