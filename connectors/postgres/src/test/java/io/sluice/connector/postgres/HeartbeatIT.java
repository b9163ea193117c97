package io.sluice.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connector.postgres.impl.PostgresUrl;
import io.sluice.testing.ScriptedSinkFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The source's database stays idle while the server writes WAL elsewhere (in another database,
 * whose changes a slot never sees): heartbeats still move the slot, so it does not hold that WAL.
 */
class HeartbeatIT {

    /** WAL written elsewhere during the test, about 4 MB. */
    private static final int NOISE_ROWS = 4000;

    private PgTestDb db;
    private SluiceRunner sluice;

    @BeforeEach
    void connect() throws Exception {
        db = PgTestDb.connect();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (sluice != null) {
            sluice.close();
        }
        db.close();
    }

    @Test
    void idleDatabaseKeepsTheSlotAdvancingAndItsRetainedWalFlat() throws Exception {
        db.createTable("beat_rows", "id int PRIMARY KEY");
        db.ownSlot("it_beat");
        sluice = SluiceRunner.start(
                "beat",
                "sources: [{name: beat, type: postgres-cdc, url: '" + PgTestDb.url() + "', slot: it_beat,"
                        + " tables: beat_rows, heartbeat-interval: 300ms, status-interval: 100ms}]\n"
                        + "sinks: [{name: beat-out, type: scripted}]\n"
                        + "routes: [{name: beat-route, from: beat, to: beat-out}]\n");
        List<Long> confirmed = new ArrayList<>();
        confirmed.add(db.confirmedFlush("it_beat"));

        await().atMost(Duration.ofSeconds(10)).until(() -> advanced(confirmed) >= 3);
        long written = writeWalInAnotherDatabase();
        long endOfNoise = db.queryLong("SELECT (pg_current_wal_lsn() - '0/0')::bigint");

        await().atMost(Duration.ofSeconds(10)).until(() -> db.confirmedFlush("it_beat") >= endOfNoise);
        // A checkpoint logs the running transactions, which lets the server move restart_lsn up to
        // the confirmed position; without heartbeats it would stay before the noise.
        db.execute("CHECKPOINT");
        await().atMost(Duration.ofSeconds(10)).until(() -> db.retainedWal("it_beat") < written / 8);
        assertThat(written).isGreaterThan(2_000_000);
        assertThat(ScriptedSinkFactory.sink("beat-out").received()).isEmpty();
    }

    /** Records the slot's confirmed position when it moved, and says how often it moved. */
    private long advanced(List<Long> confirmed) throws Exception {
        long now = db.confirmedFlush("it_beat");
        if (now > confirmed.get(confirmed.size() - 1)) {
            confirmed.add(now);
        }
        return confirmed.size() - 1L;
    }

    /** Writes WAL in the server's {@code postgres} database; returns how many bytes. */
    private long writeWalInAnotherDatabase() throws Exception {
        PostgresUrl url = PostgresUrl.parse(PgTestDb.url());
        String other = url.jdbcUrl().substring(0, url.jdbcUrl().lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(other, url.jdbcProperties());
                Statement statement = connection.createStatement()) {
            long before = lsn(statement);
            statement.execute("DROP TABLE IF EXISTS sluice_it_beat_noise");
            statement.execute("CREATE TABLE sluice_it_beat_noise (id int, body text)");
            statement.execute("INSERT INTO sluice_it_beat_noise SELECT g, repeat('x', 1000) FROM generate_series(1, "
                    + NOISE_ROWS + ") g");
            statement.execute("DROP TABLE sluice_it_beat_noise");
            return lsn(statement) - before;
        }
    }

    private static long lsn(Statement statement) throws Exception {
        try (var rows = statement.executeQuery("SELECT (pg_current_wal_lsn() - '0/0')::bigint")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
