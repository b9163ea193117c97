package io.sluice.connector.openfaas.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Sink;
import io.sluice.spi.SinkFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code type: openfaas-callback}; see {@link CallbackSink}. */
public final class CallbackSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "openfaas-callback";
    }

    @Override
    public Sink create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(Set.of(
                "callback-timeout",
                "allowed-networks",
                "denied-networks",
                "concurrency",
                "timeout",
                "rate",
                "retry",
                "circuit-breaker"));
        try {
            return new CallbackSink(
                    config.positiveDuration("callback-timeout", Duration.ofSeconds(30)),
                    CallbackGuard.parse(config.strings("denied-networks", CallbackGuard.DEFAULT_DENIED)),
                    CallbackGuard.parse(config.strings("allowed-networks", List.of())));
        } catch (IllegalArgumentException e) {
            throw config.problem("allowed-networks", e.getMessage(), null);
        }
    }
}
