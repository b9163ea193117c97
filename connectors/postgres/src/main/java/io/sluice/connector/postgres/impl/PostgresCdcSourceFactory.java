package io.sluice.connector.postgres.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;

/** {@code type: postgres-cdc}: row changes from a logical replication slot; see {@link PostgresCdcSource}. */
public final class PostgresCdcSourceFactory implements SourceFactory {

    @Override
    public String type() {
        return "postgres-cdc";
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        return new PostgresCdcSource(context, CdcSettings.from(config));
    }
}
