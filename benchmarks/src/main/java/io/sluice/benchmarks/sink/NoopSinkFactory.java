package io.sluice.benchmarks.sink;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Sink;
import io.sluice.spi.SinkFactory;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code type: noop}, for benchmarks only: a sink that delivers every event at once and does
 * nothing else, so a scenario measures Sluice's own path from source to settlement. Besides the
 * core's shared sink keys it takes {@code age-field}: a path into the event's JSON data (such as
 * {@code /record/sent_at}) holding the Unix nanoseconds the age of each event is measured from,
 * instead of the event's {@code time}. The harness finds a running sink by its name.
 */
public final class NoopSinkFactory implements SinkFactory {

    private static final Set<String> KEYS =
            Set.of("age-field", "concurrency", "timeout", "rate", "retry", "circuit-breaker");
    private static final Map<String, NoopSink> SINKS = new ConcurrentHashMap<>();

    /**
     * The sink most recently created under the name.
     *
     * @throws IllegalStateException when no configuration declared it
     */
    public static NoopSink sink(String name) {
        NoopSink sink = SINKS.get(name);
        if (sink == null) {
            throw new IllegalStateException("no noop sink named '" + name + "' was created");
        }
        return sink;
    }

    @Override
    public String type() {
        return "noop";
    }

    @Override
    public Sink create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(KEYS);
        String ageField = config.string("age-field", null);
        if (ageField != null && !ageField.startsWith("/")) {
            throw config.problem("age-field", "must be a path into the data starting with /", ageField);
        }
        NoopSink sink =
                new NoopSink(ageField == null ? null : ageField.substring(1).split("/"));
        SINKS.put(config.name(), sink);
        return sink;
    }
}
