package io.sluice.connector.ai.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.ai.AiSettings;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Sink;
import io.sluice.spi.SinkFactory;
import java.util.HashSet;
import java.util.Set;

/** {@code type: ai}: OpenAI-compatible chat completions whose answers route onward; see {@link AiSink}. */
public final class AiSinkFactory implements SinkFactory {

    /** The keys the core reads from every sink. */
    private static final Set<String> CORE_KEYS = Set.of("concurrency", "timeout", "rate", "retry", "circuit-breaker");

    @Override
    public String type() {
        return "ai";
    }

    @Override
    public Sink create(ComponentConfig config, ComponentContext context) {
        Set<String> known = new HashSet<>(AiSettings.KEYS);
        known.addAll(CORE_KEYS);
        config.rejectUnknown(known);
        AiSettings settings = AiSettings.from(config);
        return new AiSink(config.name(), settings, ChatRequests.compile(settings, config));
    }
}
