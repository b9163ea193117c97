package io.sluice.benchmarks.support;

import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers messages at a fixed rate with core NATS publishes from its own thread, whether or not
 * anyone keeps up: an open-loop load, so a slow consumer shows as backlog and latency, not as a
 * slower producer. Each message carries its publish time in the {@value Invocations#SENT_HEADER}
 * header and, through the factory, in its body.
 */
public final class FixedRatePublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FixedRatePublisher.class);
    private static final long TICK_NANOS = 5_000_000L;

    /** Makes message {@code n} stamped with its publish time in Unix nanoseconds. */
    @FunctionalInterface
    public interface MessageFactory {
        byte[] create(int n, long epochNanos);
    }

    private final Connection connection;
    private final String subject;
    private final int perSecond;
    private final MessageFactory factory;
    private final AtomicInteger published = new AtomicInteger();
    private final Thread thread;
    private volatile long stopAtNanos;
    private volatile boolean stopped;

    public FixedRatePublisher(Connection connection, String subject, int perSecond, MessageFactory factory) {
        this.connection = connection;
        this.subject = subject;
        this.perSecond = perSecond;
        this.factory = factory;
        this.thread = new Thread(this::publishLoop, "bench-publisher-" + subject);
        this.thread.setDaemon(true);
    }

    /** Publishes for the given time, then stops by itself. */
    public FixedRatePublisher start(Duration duration) {
        stopAtNanos = System.nanoTime() + duration.toNanos();
        thread.start();
        return this;
    }

    /** Messages published so far. */
    public int published() {
        return published.get();
    }

    /** Waits until the publishing time is over. */
    public void awaitDone() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
    }

    private void publishLoop() {
        long started = System.nanoTime();
        while (!stopped) {
            long now = System.nanoTime();
            if (now >= stopAtNanos) {
                return;
            }
            long due = (now - started) * perSecond / 1_000_000_000L;
            while (published.get() < due) {
                int n = published.get();
                long sent = Invocations.epochNanos();
                Headers headers = new Headers().put(Invocations.SENT_HEADER, Long.toString(sent));
                connection.publish(subject, headers, factory.create(n, sent));
                published.incrementAndGet();
            }
            try {
                Thread.sleep(TICK_NANOS / 1_000_000L);
            } catch (InterruptedException e) {
                LOG.debug("Publisher for '{}' interrupted after {} messages", subject, published.get());
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
