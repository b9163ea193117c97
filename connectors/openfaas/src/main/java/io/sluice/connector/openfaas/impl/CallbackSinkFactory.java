package io.sluice.connector.openfaas.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Sink;
import io.sluice.spi.SinkFactory;
import java.time.Duration;
import java.util.Set;

/** {@code type: openfaas-callback}; see {@link CallbackSink}. */
public final class CallbackSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "openfaas-callback";
    }

    @Override
    public Sink create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(Set.of("callback-timeout", "concurrency", "timeout", "rate", "retry", "circuit-breaker"));
        return new CallbackSink(config.positiveDuration("callback-timeout", Duration.ofSeconds(30)));
    }
}
