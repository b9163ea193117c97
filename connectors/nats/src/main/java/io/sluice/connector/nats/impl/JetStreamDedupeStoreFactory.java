package io.sluice.connector.nats.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.dedupe.DedupeStore;
import io.sluice.pipeline.ComponentContext;
import io.sluice.spi.DedupeStoreFactory;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code store: jetstream} of the {@code dedupe} processor: the window in a JetStream key-value
 * bucket every replica shares; see {@link JetStreamDedupeStore}.
 */
public final class JetStreamDedupeStoreFactory implements DedupeStoreFactory {

    /** The key-value bucket; default {@code sluice-dedupe}. */
    static final String BUCKET = "bucket";
    /** The bucket's replicas when Sluice creates it; default 1. */
    static final String REPLICAS = "replicas";

    /** This store's options, as {@code processor-dedupe.schema.json} declares them. */
    static final Set<String> OPTIONS = Set.of(BUCKET, REPLICAS);

    private static final String DEFAULT_BUCKET = "sluice-dedupe";
    private static final Pattern BUCKET_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    /** JetStream refuses a shorter max age. */
    private static final Duration MIN_WINDOW = Duration.ofMillis(100);

    @Override
    public String type() {
        return "jetstream";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public DedupeStore create(ComponentConfig config, Duration window, ComponentContext context) {
        String bucket = config.string(BUCKET, DEFAULT_BUCKET);
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            throw config.problem(BUCKET, "must be a bucket name: letters, digits, - and _", bucket);
        }
        int replicas = config.integer(REPLICAS, 1, 1, 5);
        if (window.compareTo(MIN_WINDOW) < 0) {
            throw config.problem(
                    "window", "must be at least 100ms with store: jetstream (the bucket's max age)", window);
        }
        return new JetStreamDedupeStore(config, context, bucket, window, replicas);
    }
}
