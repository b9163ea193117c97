package io.sluice.connector.openfaas.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;

/** {@code type: openfaas-async-http}; see {@link AsyncFrontDoor}. */
public final class AsyncFrontDoorFactory implements SourceFactory {

    @Override
    public String type() {
        return "openfaas-async-http";
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        return new AsyncFrontDoor(context, FrontDoorSettings.from(config));
    }
}
