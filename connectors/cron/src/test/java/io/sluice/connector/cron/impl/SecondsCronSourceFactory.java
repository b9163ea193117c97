package io.sluice.connector.cron.impl;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;

/**
 * {@code type: cron-seconds}, for tests only: a cron source whose schedule takes a leading seconds
 * field (cron-utils' Spring definition, e.g. {@code * * * * * *} for every second), so a test sees
 * several ticks in seconds where crontab's finest step is a minute. Everything past the parsing is
 * the real {@code type: cron} source. Registered by the test classpath's service file only.
 */
public final class SecondsCronSourceFactory implements SourceFactory {

    static final ScheduleSyntax SECONDS = new ScheduleSyntax(
            CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING),
            "6 fields 'second minute hour day-of-month month day-of-week'");

    @Override
    public String type() {
        return "cron-seconds";
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        config.rejectUnknown(CronSettings.KEYS);
        return new CronSource(context, CronSettings.from(config, SECONDS));
    }
}
