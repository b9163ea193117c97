package io.sluice.connector.kafka.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.kafka.KafkaSinkSettings;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Sink;
import io.sluice.spi.SinkFactory;

/** {@code type: kafka}: one record per event; see {@link KafkaSink}. */
public final class KafkaSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public Sink create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(KafkaSinkSettings.KEYS);
        return new KafkaSink(config.name(), KafkaSinkSettings.from(config));
    }
}
