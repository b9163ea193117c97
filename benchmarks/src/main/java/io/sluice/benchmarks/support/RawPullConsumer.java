package io.sluice.benchmarks.support;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.sluice.benchmarks.Latency;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The baseline consumer: the plainest jnats loop over a durable pull consumer with explicit acks,
 * {@code iterate(batch, 1 s)} then {@code ack()} each message as it arrives, on its own connection. It does not
 * decode the message bodies; for latency it reads the {@value Invocations#SENT_HEADER} header.
 */
public final class RawPullConsumer implements AutoCloseable {

    private static final Duration FETCH_WAIT = Duration.ofSeconds(1);

    private final Connection connection;
    private final JetStreamSubscription subscription;
    private final int batch;
    private final AtomicLong received = new AtomicLong();
    private final Histogram ageMicros = Latency.microsHistogram();
    private volatile long firstNanos;
    private volatile boolean running;
    private Thread background;

    public RawPullConsumer(String natsUrl, String stream, int batch)
            throws IOException, InterruptedException, JetStreamApiException {
        this.batch = batch;
        this.connection = JetStreamFixture.connect(natsUrl, "sluice-bench-raw");
        ConsumerConfiguration consumer = ConsumerConfiguration.builder()
                .durable("raw")
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(Duration.ofSeconds(30))
                .build();
        this.subscription = connection
                .jetStream()
                .subscribe(
                        stream,
                        PullSubscribeOptions.builder().stream(stream)
                                .configuration(consumer)
                                .build());
    }

    /** Consumes on the calling thread until {@code count} messages were received and acked. */
    public void drain(long count, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (received.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("raw consumer received " + received.get() + " of " + count + " within "
                        + bound.toSeconds() + " s");
            }
            fetchAndAck(false);
        }
    }

    /** Consumes on a thread of its own, recording each message's age, until {@link #close()}. */
    public void startBackground() {
        running = true;
        background = new Thread(
                () -> {
                    while (running) {
                        fetchAndAck(true);
                    }
                },
                "bench-raw-consumer");
        background.setDaemon(true);
        background.start();
    }

    public long received() {
        return received.get();
    }

    /** {@link System#nanoTime()} when the first message arrived; 0 before it. */
    public long firstNanos() {
        return firstNanos;
    }

    /** Each message's age on arrival, in microseconds (background mode only). */
    public Histogram ageMicros() {
        return ageMicros;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (background != null) {
            background.join();
        }
        connection.close();
    }

    private void fetchAndAck(boolean recordAge) {
        // iterate() yields each message as it arrives, as Sluice's pull sources take them; fetch()
        // would hold a lone message until the batch filled or the wait ended.
        Iterator<Message> messages = subscription.iterate(batch, FETCH_WAIT);
        while (messages.hasNext()) {
            Message message = messages.next();
            if (firstNanos == 0) {
                firstNanos = System.nanoTime();
            }
            if (recordAge && message.hasHeaders()) {
                String sent = message.getHeaders().getFirst(Invocations.SENT_HEADER);
                if (sent != null) {
                    ageMicros.recordValue(Math.max(0, (Invocations.epochNanos() - Long.parseLong(sent)) / 1000));
                }
            }
            message.ack();
            received.incrementAndGet();
        }
    }
}
