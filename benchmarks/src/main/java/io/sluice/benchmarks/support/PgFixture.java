package io.sluice.benchmarks.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's PostgreSQL connection ({@code TEST_PG_URL}, on 127.0.0.1): creates a fresh table
 * and wal2json slots, inserts rows at a fixed rate, and drops every table and slot it created when
 * closed. Blocking; call from the harness thread.
 */
public final class PgFixture implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgFixture.class);

    private final String postgresUrl;
    private final String jdbcUrl;
    private final Properties credentials = new Properties();
    private final Connection connection;
    private final List<String> tables = new ArrayList<>();
    private final List<String> slots = new ArrayList<>();

    /** @param postgresUrl {@code postgresql://user[:password]@127.0.0.1:port/database} */
    public PgFixture(String postgresUrl) throws SQLException {
        URI uri = URI.create(postgresUrl);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            throw new IllegalArgumentException("TEST_PG_URL must point at 127.0.0.1, got host " + uri.getHost());
        }
        this.postgresUrl = postgresUrl;
        this.jdbcUrl =
                "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath();
        String[] userInfo = uri.getUserInfo() == null
                ? new String[] {"postgres"}
                : uri.getUserInfo().split(":", 2);
        credentials.setProperty("user", userInfo[0]);
        if (userInfo.length > 1) {
            credentials.setProperty("password", userInfo[1]);
        }
        this.connection = DriverManager.getConnection(jdbcUrl, credentials);
    }

    /** The URL as Sluice's {@code postgres-cdc} source takes it. */
    public String postgresUrl() {
        return postgresUrl;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A copy of the user and password properties, for further connections. */
    public Properties credentials() {
        Properties copy = new Properties();
        copy.putAll(credentials);
        return copy;
    }

    /** Creates {@code table(id bigserial, sent_at bigint, payload text)}; dropped on close. */
    public void createTable(String table) throws SQLException {
        execute("CREATE TABLE " + table + " (id bigserial PRIMARY KEY, sent_at bigint NOT NULL, payload text)");
        tables.add(table);
    }

    /** Creates a wal2json logical slot; dropped on close. */
    public void createSlot(String slot) throws SQLException {
        try (PreparedStatement create =
                connection.prepareStatement("SELECT pg_create_logical_replication_slot(?, 'wal2json')")) {
            create.setString(1, slot);
            create.execute();
        }
        slots.add(slot);
    }

    /**
     * Inserts one row per transaction at the given rate for the given seconds, each stamped with
     * its Unix nanoseconds in {@code sent_at}, on its own connection.
     *
     * @return the rows inserted (fewer than rate × seconds when the database cannot keep up)
     */
    public int insertAtRate(String table, int perSecond, int seconds) throws SQLException, InterruptedException {
        try (Connection writer = DriverManager.getConnection(jdbcUrl, credentials);
                PreparedStatement insert =
                        writer.prepareStatement("INSERT INTO " + table + " (sent_at, payload) VALUES (?, ?)")) {
            long started = System.nanoTime();
            long end = started + seconds * 1_000_000_000L;
            int inserted = 0;
            while (System.nanoTime() < end) {
                long due = (System.nanoTime() - started) * perSecond / 1_000_000_000L;
                while (inserted < due && System.nanoTime() < end) {
                    insert.setLong(1, Invocations.epochNanos());
                    insert.setString(2, "row " + inserted);
                    insert.executeUpdate();
                    inserted++;
                }
                Thread.sleep(2);
            }
            return inserted;
        }
    }

    /** Drops the slot, waiting up to 10 s for its reader to let go of it. */
    public void dropSlot(String slot) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (PreparedStatement drop = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
                drop.setString(1, slot);
                drop.execute();
                slots.remove(slot);
                return;
            } catch (SQLException e) {
                // Still active (its reader is closing) or already gone: try again shortly.
                if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                    slots.remove(slot);
                    return;
                }
                Thread.sleep(100);
            }
        }
        LOG.warn("Could not drop benchmark slot '{}' within 10 s; drop it by hand, it holds WAL", slot);
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        for (String slot : List.copyOf(slots)) {
            dropSlot(slot);
        }
        for (String table : tables) {
            execute("DROP TABLE IF EXISTS " + table);
        }
        connection.close();
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
