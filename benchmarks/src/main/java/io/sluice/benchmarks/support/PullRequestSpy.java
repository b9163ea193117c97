package io.sluice.benchmarks.support;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the pull requests a consumer sends, and the batch each asked for, by listening on the
 * JetStream API subject they are published to ({@code $JS.API.CONSUMER.MSG.NEXT.<stream>.<durable>}).
 * A diagnostic: many small pulls mean the consumer pays a round trip for few messages.
 */
public final class PullRequestSpy implements AutoCloseable {

    private static final Pattern BATCH = Pattern.compile("\"batch\"\\s*:\\s*(\\d+)");

    private final Connection connection;
    private final Dispatcher dispatcher;
    private final AtomicLong pulls = new AtomicLong();
    private final LongAdder asked = new LongAdder();
    private final AtomicLong small = new AtomicLong();

    public PullRequestSpy(Connection connection, String stream, String durable) {
        this.connection = connection;
        this.dispatcher = connection.createDispatcher(message -> {
            Matcher batch = BATCH.matcher(new String(message.getData(), StandardCharsets.UTF_8));
            if (batch.find()) {
                int size = Integer.parseInt(batch.group(1));
                pulls.incrementAndGet();
                asked.add(size);
                if (size < 10) {
                    small.incrementAndGet();
                }
            }
        });
        dispatcher.subscribe("$JS.API.CONSUMER.MSG.NEXT." + stream + "." + durable);
    }

    /** E.g. {@code 412 pulls, mean batch 48.5, 31% under 10}. */
    public String summary() {
        long count = pulls.get();
        if (count == 0) {
            return "no pulls seen";
        }
        return String.format(
                Locale.ROOT,
                "%,d pulls, mean batch asked %.1f, %.0f%% of them under 10",
                count,
                asked.doubleValue() / count,
                100.0 * small.get() / count);
    }

    @Override
    public void close() {
        connection.closeDispatcher(dispatcher);
    }
}
