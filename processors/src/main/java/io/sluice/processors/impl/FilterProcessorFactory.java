package io.sluice.processors.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Processor;
import io.sluice.processors.cel.EventExpression;
import io.sluice.spi.ProcessorFactory;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code type: filter}: keeps the events a CEL {@code condition} holds for. */
public final class FilterProcessorFactory implements ProcessorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(FilterProcessorFactory.class);

    /** Required CEL bool expression; events for which it is false are dropped (settled). */
    static final String CONDITION = "condition";

    /** Every option, as the schema {@code processor-filter.schema.json} declares them. */
    static final Set<String> OPTIONS = Set.of(CONDITION);

    @Override
    public String type() {
        return "filter";
    }

    @Override
    public Processor create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(OPTIONS);
        EventExpression condition = Options.expression(
                config, CONDITION, config.requiredString(CONDITION), EventExpression::compileCondition);
        LOG.info("Route '{}' filter: condition '{}'", config.name(), condition);
        return new FilterProcessor(condition);
    }
}
