package io.sluice.connector.openfaas.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Sink;
import io.sluice.spi.SinkFactory;

/** {@code type: openfaas-function}; see {@link FunctionSink}. */
public final class FunctionSinkFactory implements SinkFactory {

    @Override
    public String type() {
        return "openfaas-function";
    }

    @Override
    public Sink create(ComponentConfig config, ComponentContext context) {
        return new FunctionSink(FunctionSinkSettings.from(config), context.metrics());
    }
}
