package io.sluice.benchmarks.support;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's own NATS connection: creates fresh work-queue streams (file storage, like Sluice's
 * {@code create-stream}), fills them, watches them drain, and deletes every stream it created when
 * closed. Blocking; call from the harness thread, never from an event loop.
 */
public final class JetStreamFixture implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JetStreamFixture.class);
    private static final int FLUSH_EVERY = 1000;

    private final Connection connection;
    private final JetStreamManagement jsm;
    private final List<String> created = new ArrayList<>();

    public JetStreamFixture(String natsUrl) throws IOException, InterruptedException {
        this.connection = Nats.connect(new Options.Builder()
                .server(natsUrl)
                .connectionName("sluice-bench")
                .build());
        try {
            this.jsm = connection.jetStreamManagement();
        } catch (IOException e) {
            connection.close();
            throw e;
        }
    }

    /** Connects a further client, e.g. for a baseline consumer that should not share this one. */
    public static Connection connect(String natsUrl, String name) throws IOException, InterruptedException {
        return Nats.connect(
                new Options.Builder().server(natsUrl).connectionName(name).build());
    }

    public Connection connection() {
        return connection;
    }

    /** Creates a work-queue stream whose only subject is its own name; deleted on {@link #close()}. */
    public void createWorkQueue(String stream) throws IOException, JetStreamApiException {
        jsm.addStream(StreamConfiguration.builder()
                .name(stream)
                .subjects(stream)
                .storageType(StorageType.File)
                .retentionPolicy(RetentionPolicy.WorkQueue)
                .build());
        created.add(stream);
    }

    /** Marks a stream Sluice creates (its dead-letter store) for deletion on {@link #close()}. */
    public void deleteOnClose(String stream) {
        created.add(stream);
    }

    /**
     * Publishes {@code count} messages to the subject with core NATS, flushing every thousand, and
     * waits until the stream stored all of them.
     *
     * @throws IllegalStateException when the stream did not store them all within the bound
     */
    public void fill(String stream, int count, IntFunction<byte[]> message, Duration bound)
            throws IOException, JetStreamApiException, InterruptedException {
        for (int i = 0; i < count; i++) {
            connection.publish(stream, message.apply(i));
            if ((i + 1) % FLUSH_EVERY == 0) {
                flush();
            }
        }
        flush();
        long deadline = System.nanoTime() + bound.toNanos();
        while (state(stream).getMsgCount() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "stream '" + stream + "' stored " + state(stream).getMsgCount() + " of " + count
                                + " messages within " + bound.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
    }

    /** Waits until the stream holds no message (every one acknowledged, as it is a work queue). */
    public void awaitEmpty(String stream, Duration bound)
            throws IOException, JetStreamApiException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        long left;
        while ((left = state(stream).getMsgCount()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stream '" + stream + "' still holds " + left
                        + " unacknowledged messages after " + bound.toSeconds() + " s");
            }
            Thread.sleep(5);
        }
    }

    /** The stream's message count and sequences. */
    public StreamState state(String stream) throws IOException, JetStreamApiException {
        return jsm.getStreamInfo(stream).getStreamState();
    }

    public void flush() throws InterruptedException {
        try {
            connection.flush(Duration.ofSeconds(10));
        } catch (TimeoutException e) {
            throw new IllegalStateException("NATS did not answer a flush within 10 s", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (String stream : created) {
            try {
                jsm.deleteStream(stream);
            } catch (IOException | JetStreamApiException e) {
                LOG.warn("Could not delete benchmark stream '{}': {}", stream, e.toString());
            }
        }
        connection.close();
    }
}
