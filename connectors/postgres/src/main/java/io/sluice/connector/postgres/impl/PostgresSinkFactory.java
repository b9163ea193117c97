package io.sluice.connector.postgres.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Sink;
import io.sluice.spi.SinkFactory;

/** {@code type: postgres}: rows written from events; see {@link PostgresSink}. */
public final class PostgresSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "postgres";
    }

    @Override
    public Sink create(ComponentConfig config, ComponentContext context) {
        return new PostgresSink(config.name(), SinkSettings.from(config));
    }
}
