package io.sluice.benchmarks.support;

import io.sluice.benchmarks.Latency;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cdc baseline: the plainest pgjdbc loop over a wal2json slot (format-version 2), {@code
 * readPending()} with a 1 ms pause when nothing is pending, confirming what it read. For each
 * INSERT it records the row's age: now minus its {@code sent_at} column, in microseconds.
 */
public final class RawSlotReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RawSlotReader.class);

    private final Connection connection;
    private final PGReplicationStream stream;
    private final AtomicLong inserts = new AtomicLong();
    private final Histogram ageMicros = Latency.microsHistogram();
    private final Thread thread;
    private volatile boolean running = true;

    public RawSlotReader(PgFixture postgres, String slot, String table) throws SQLException {
        Properties properties = postgres.credentials();
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        this.connection = DriverManager.getConnection(postgres.jdbcUrl(), properties);
        this.stream = connection
                .unwrap(PGConnection.class)
                .getReplicationAPI()
                .replicationStream()
                .logical()
                .withSlotName(slot)
                .withSlotOption("format-version", 2)
                .withSlotOption("include-transaction", false)
                .withSlotOption("add-tables", "public." + table)
                .withStatusInterval(1, TimeUnit.SECONDS)
                .start();
        this.thread = new Thread(this::readLoop, "bench-raw-slot-reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** INSERTs read so far. */
    public long inserts() {
        return inserts.get();
    }

    public Histogram ageMicros() {
        return ageMicros;
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        running = false;
        thread.join(5_000);
        stream.close();
        connection.close();
    }

    private void readLoop() {
        try {
            while (running) {
                ByteBuffer buffer = stream.readPending();
                if (buffer == null) {
                    Thread.sleep(1);
                    continue;
                }
                record(buffer);
                stream.setAppliedLSN(stream.getLastReceiveLSN());
                stream.setFlushedLSN(stream.getLastReceiveLSN());
            }
        } catch (SQLException e) {
            if (running) {
                LOG.warn("Raw slot reader stopped: {}", e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(ByteBuffer buffer) {
        int from = buffer.arrayOffset() + buffer.position();
        JsonObject change =
                new JsonObject(new String(buffer.array(), from, buffer.remaining(), StandardCharsets.UTF_8));
        if (!"I".equals(change.getString("action"))) {
            return;
        }
        JsonArray columns = change.getJsonArray("columns");
        for (int i = 0; i < columns.size(); i++) {
            JsonObject column = columns.getJsonObject(i);
            if ("sent_at".equals(column.getString("name"))) {
                long age = (Invocations.epochNanos() - column.getLong("value")) / 1000;
                ageMicros.recordValue(Math.max(0, age));
            }
        }
        inserts.incrementAndGet();
    }
}
