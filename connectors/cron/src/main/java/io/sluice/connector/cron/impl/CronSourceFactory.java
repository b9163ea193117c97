package io.sluice.connector.cron.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;

/** {@code type: cron}: ticks on a crontab schedule; see {@link CronSource}. */
public final class CronSourceFactory implements SourceFactory {

    @Override
    public String type() {
        return "cron";
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        config.rejectUnknown(CronSettings.KEYS);
        return new CronSource(context, CronSettings.from(config, ScheduleSyntax.CRONTAB));
    }
}
