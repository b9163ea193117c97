package io.sluice.connector.kafka.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.config.SluiceConfig;
import io.sluice.connector.kafka.KafkaSourceSettings;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;
import java.time.Duration;

/** {@code type: kafka}: a consumer group on topics; see {@link KafkaSource}. */
public final class KafkaSourceFactory implements SourceFactory {

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        config.rejectUnknown(KafkaSourceSettings.KEYS);
        return new KafkaSource(
                context,
                KafkaSourceSettings.from(config),
                grace(context.components().config()));
    }

    /**
     * The core's {@code shutdown-grace}: how long a stopping source lets its records in flight settle
     * so that its last commit covers them.
     */
    private static Duration grace(SluiceConfig config) {
        return new ComponentConfig("sluice", "sluice", config.root(), "", config.origin())
                .duration("shutdown-grace", Duration.ofSeconds(10));
    }
}
