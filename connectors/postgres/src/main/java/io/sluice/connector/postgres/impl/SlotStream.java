package io.sluice.connector.postgres.impl;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.postgresql.replication.fluent.logical.ChainedLogicalStreamBuilder;
import org.postgresql.util.PSQLException;

/**
 * One logical replication stream from a slot, over pgJDBC's replication protocol (the Vert.x client
 * does not speak it).
 *
 * <h2>Threading</h2>
 *
 * pgJDBC blocks, so every call runs on the source's own single-thread worker executor, in order;
 * the stream is never touched from two threads. {@link #poll} never blocks for long: it takes what
 * the socket already holds, so the caller decides when to read and nothing is read while the
 * routes are full. The server then stops sending when the socket's buffers are full, which is the
 * back-pressure that keeps a 200,000-row transaction out of memory.
 *
 * <h2>Status updates</h2>
 *
 * Each poll reports the confirmed position as both flushed and applied; pgJDBC sends a standby
 * status update every {@code status-interval}. While nothing is read, {@link #confirm} keeps the
 * updates going, or the server would drop the connection after {@code wal_sender_timeout}.
 */
final class SlotStream {

    private final WorkerExecutor worker;
    private final Connection connection;
    private final PGReplicationStream stream;

    private SlotStream(WorkerExecutor worker, Connection connection, PGReplicationStream stream) {
        this.worker = worker;
        this.connection = connection;
        this.stream = stream;
    }

    /**
     * Opens a replication connection and starts streaming from the slot's confirmed position.
     *
     * @param options wal2json's options
     * @param applicationName shown in {@code pg_stat_replication}
     */
    static Future<SlotStream> open(
            WorkerExecutor worker,
            PostgresUrl url,
            String slot,
            Map<String, String> options,
            Duration statusInterval,
            String applicationName) {
        return worker.executeBlocking(
                () -> {
                    Properties properties = url.jdbcProperties();
                    PGProperty.REPLICATION.set(properties, "database");
                    PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
                    PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
                    PGProperty.APPLICATION_NAME.set(properties, applicationName);
                    Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
                    try {
                        ChainedLogicalStreamBuilder builder = connection
                                .unwrap(PGConnection.class)
                                .getReplicationAPI()
                                .replicationStream()
                                .logical()
                                .withSlotName(slot)
                                .withStatusInterval((int) statusInterval.toMillis(), TimeUnit.MILLISECONDS);
                        options.forEach(builder::withSlotOption);
                        return new SlotStream(worker, connection, builder.start());
                    } catch (SQLException | RuntimeException e) {
                        closeQuietly(connection, e);
                        throw e;
                    }
                },
                true);
    }

    /**
     * Takes up to {@code max} records the server already sent, reporting {@code confirmed} as the
     * flushed position; an empty list when there is none.
     */
    Future<List<byte[]>> poll(int max, long confirmed) {
        return worker.executeBlocking(
                () -> {
                    report(confirmed);
                    List<byte[]> records = new ArrayList<>();
                    while (records.size() < max) {
                        ByteBuffer buffer = stream.readPending();
                        if (buffer == null) {
                            break;
                        }
                        int from = buffer.arrayOffset() + buffer.position();
                        records.add(Arrays.copyOfRange(buffer.array(), from, from + buffer.remaining()));
                    }
                    return records;
                },
                true);
    }

    /** Sends a standby status update with the confirmed position now. */
    Future<Void> confirm(long confirmed) {
        return worker.executeBlocking(
                () -> {
                    report(confirmed);
                    stream.forceUpdateStatus();
                    return null;
                },
                true);
    }

    /**
     * Reports the confirmed position one last time and closes the connection; the server keeps
     * everything after that position for the next reader.
     */
    Future<Void> close(long confirmed) {
        return worker.executeBlocking(
                () -> {
                    try {
                        if (!stream.isClosed()) {
                            report(confirmed);
                            stream.forceUpdateStatus();
                        }
                    } finally {
                        // Closing the connection ends the walsender; pgJDBC's stream.close() would first
                        // wait for the server to finish sending, which a huge transaction can make long.
                        connection.close();
                    }
                    return null;
                },
                true);
    }

    private void report(long confirmed) {
        if (confirmed != Lsn.NONE) {
            LogSequenceNumber lsn = LogSequenceNumber.valueOf(confirmed);
            stream.setFlushedLSN(lsn);
            stream.setAppliedLSN(lsn);
        }
    }

    /** The server's SQLSTATE and message when the failure came from the server, else {@code null}. */
    static String[] serverError(Throwable failure) {
        if (failure instanceof PSQLException && ((PSQLException) failure).getServerErrorMessage() != null) {
            PSQLException e = (PSQLException) failure;
            return new String[] {e.getSQLState(), e.getServerErrorMessage().getMessage()};
        }
        if (failure instanceof SQLException) {
            return new String[] {((SQLException) failure).getSQLState(), failure.getMessage()};
        }
        return null;
    }

    private static void closeQuietly(Connection connection, Exception first) {
        try {
            connection.close();
        } catch (SQLException e) {
            first.addSuppressed(e);
        }
    }
}
