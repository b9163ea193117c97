package io.sluice.connector.postgres;

import io.sluice.config.ComponentConfig;
import io.sluice.event.Event;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Sink;
import io.sluice.spi.SinkFactory;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code type: counting}: a sink that delivers at once and keeps only a count, so that a test of
 * memory bounds measures the source, not a sink that remembers every event.
 */
public final class CountingSinkFactory implements SinkFactory {

    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    /** Events delivered to the sink of that name. */
    static long count(String name) {
        AtomicLong count = COUNTS.get(name);
        return count == null ? 0 : count.get();
    }

    @Override
    public String type() {
        return "counting";
    }

    @Override
    public Sink create(ComponentConfig config, ComponentContext context) {
        AtomicLong count = new AtomicLong();
        COUNTS.put(config.name(), count);
        return (Event event) -> {
            count.incrementAndGet();
            return Future.succeededFuture(Delivery.done());
        };
    }
}
