package io.sluice.connector.openfaas.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.nats.PullSettings;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;

/**
 * {@code type: openfaas-queue}, with the queue-worker's defaults: stream and subject {@code
 * faas-request}, durable {@code faas-workers}, {@code max-inflight} 50, {@code ack-wait} 60s.
 */
public final class QueueSourceFactory implements SourceFactory {

    @Override
    public String type() {
        return "openfaas-queue";
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        config.rejectUnknown(PullSettings.KEYS);
        return new QueueSource(context, PullSettings.from(config, "faas-request", "faas-request", "faas-workers", 50));
    }
}
