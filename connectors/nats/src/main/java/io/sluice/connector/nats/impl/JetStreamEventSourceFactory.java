package io.sluice.connector.nats.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.nats.PullSettings;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;

/** {@code type: jetstream}: a durable pull consumer on any stream; see {@link JetStreamEventSource}. */
public final class JetStreamEventSourceFactory implements SourceFactory {

    @Override
    public String type() {
        return "jetstream";
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        config.rejectUnknown(PullSettings.KEYS);
        PullSettings settings = PullSettings.from(
                config,
                config.requiredString("stream"),
                config.requiredString("subject"),
                "sluice-" + config.name(),
                64);
        return new JetStreamEventSource(context, settings);
    }
}
