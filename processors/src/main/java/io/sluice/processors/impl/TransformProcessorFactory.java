package io.sluice.processors.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Processor;
import io.sluice.processors.cel.EventExpression;
import io.sluice.spi.ProcessorFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: transform}: builds new JSON data from CEL expressions over the event, and may
 * re-type it.
 */
public final class TransformProcessorFactory implements ProcessorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TransformProcessorFactory.class);

    /** Object: data field (a dotted path for nested fields) to the CEL expression giving its value. */
    static final String SET = "set";
    /**
     * CEL expression giving the new event type; absent keeps the type. Not {@code type}, which names
     * the processor.
     */
    static final String TYPE = "event-type";
    /** CEL expression giving the new subject (a string, or null to remove it); absent keeps it. */
    static final String SUBJECT = "event-subject";
    /** Start from the original data object ({@code true}) or an empty one ({@code false}, default). */
    static final String KEEP_ORIGINAL = "keep-original";

    /** Every option, as the schema {@code processor-transform.schema.json} declares them. */
    static final Set<String> OPTIONS = Set.of(SET, TYPE, SUBJECT, KEEP_ORIGINAL);

    @Override
    public String type() {
        return "transform";
    }

    @Override
    public Processor create(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(OPTIONS);
        Map<FieldPath, EventExpression> fields = fields(config);
        EventExpression type = Options.optionalExpression(config, TYPE, EventExpression::compileText);
        EventExpression subject = Options.optionalExpression(config, SUBJECT, EventExpression::compileText);
        if (fields.isEmpty() && type == null && subject == null) {
            throw config.problem(SET, "is required unless " + TYPE + " or " + SUBJECT + " is given", null);
        }
        boolean keepOriginal = config.bool(KEEP_ORIGINAL, false);
        LOG.info(
                "Route '{}' transform: set {}, event-type '{}', event-subject '{}', keep-original {}",
                config.name(),
                fields.keySet(),
                type,
                subject,
                keepOriginal);
        return new TransformProcessor(fields, type, subject, keepOriginal);
    }

    private static Map<FieldPath, EventExpression> fields(ComponentConfig config) {
        ComponentConfig set = config.section(SET);
        Map<FieldPath, EventExpression> fields = new LinkedHashMap<>();
        for (String field : set.json().fieldNames()) {
            FieldPath path = FieldPath.parse(field);
            if (path == null) {
                throw set.problem(field, "is not a field path: write names separated by dots", field);
            }
            fields.put(path, Options.expression(set, field, set.requiredString(field), EventExpression::compile));
        }
        return fields;
    }
}
