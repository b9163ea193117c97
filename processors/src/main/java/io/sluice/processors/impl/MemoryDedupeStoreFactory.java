package io.sluice.processors.impl;

import com.codahale.metrics.MetricRegistry;
import io.sluice.config.ComponentConfig;
import io.sluice.dedupe.DedupeStore;
import io.sluice.metrics.MetricNames;
import io.sluice.pipeline.ComponentContext;
import io.sluice.spi.DedupeStoreFactory;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Set;

/**
 * {@code store: memory}, the default: the window in a {@link DedupeWindow} of this route on this
 * replica. Two replicas each pass one copy of a key, and a restart forgets every key.
 */
public final class MemoryDedupeStoreFactory implements DedupeStoreFactory {

    /** The most keys remembered; the oldest is forgotten early beyond it. Default 100000. */
    static final String MAX_ENTRIES = "max-entries";

    static final Set<String> OPTIONS = Set.of(MAX_ENTRIES);

    private static final int DEFAULT_MAX_ENTRIES = 100_000;

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public DedupeStore create(ComponentConfig config, Duration window, ComponentContext context) {
        int maxEntries = config.integer(MAX_ENTRIES, DEFAULT_MAX_ENTRIES, 1, 10_000_000);
        DedupeWindow keys = new DedupeWindow(window.toNanos(), maxEntries, System::nanoTime);
        MetricRegistry metrics = context.metrics();
        // Read from the metrics thread without locking: a stale count is fine for a gauge.
        metrics.gauge(MetricNames.name("sluice_dedupe_entries", "route", config.name()), () -> keys::size);
        metrics.gauge(MetricNames.name("sluice_dedupe_evicted_total", "route", config.name()), () -> keys::evicted);
        return new MemoryDedupeStore(keys, maxEntries);
    }

    /** Answers from the window at once; the window is used from the route's event loop only. */
    private record MemoryDedupeStore(DedupeWindow keys, int maxEntries) implements DedupeStore {

        @Override
        public Future<Boolean> firstSeen(String key, String eventId) {
            return Future.succeededFuture(!keys.seenBefore(key));
        }

        @Override
        public Future<Void> forget(String key, String eventId) {
            keys.forget(key);
            return Future.succeededFuture();
        }

        @Override
        public String toString() {
            return "memory (max-entries " + maxEntries + ", per replica)";
        }
    }
}
