package io.sluice.processors.impl;

import io.sluice.event.Event;
import io.sluice.pipeline.Processor;
import io.sluice.processors.cel.EventExpression;
import io.sluice.processors.cel.EventVariables;
import io.sluice.processors.cel.impl.JsonData;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Replaces the data with a JSON object built from expressions, each evaluated over the original
 * event, and optionally re-types the event. The id and every other attribute stay.
 */
final class TransformProcessor implements Processor {

    private final Map<FieldPath, EventExpression> fields;
    private final EventExpression type;
    private final EventExpression subject;
    private final boolean keepOriginal;

    TransformProcessor(
            Map<FieldPath, EventExpression> fields,
            EventExpression type,
            EventExpression subject,
            boolean keepOriginal) {
        this.fields = fields;
        this.type = type;
        this.subject = subject;
        this.keepOriginal = keepOriginal;
    }

    @Override
    public Future<List<Event>> process(Event event) {
        return Outputs.of(() -> List.of(transform(event)));
    }

    private Event transform(Event event) {
        EventVariables variables = EventVariables.of(event);
        Event.Builder builder = event.toBuilder();
        if (keepOriginal || !fields.isEmpty()) {
            JsonObject data = keepOriginal ? originalData(event) : new JsonObject();
            fields.forEach((path, expression) -> path.set(data, expression.evaluateJson(variables)));
            builder.data(data);
        }
        if (type != null) {
            String newType = type.evaluateText(variables);
            if (newType == null || newType.isEmpty()) {
                throw new IllegalArgumentException(
                        "event-type '" + type + "' yielded an empty type; every event needs one");
            }
            builder.type(newType);
        }
        if (subject != null) {
            builder.subject(subject.evaluateText(variables));
        }
        return builder.build();
    }

    private static JsonObject originalData(Event event) {
        Object data = JsonData.parse(event);
        if (!(data instanceof JsonObject)) {
            throw new IllegalArgumentException(
                    "keep-original needs the data to be a JSON object, but it is " + JsonData.describe(data));
        }
        return ((JsonObject) data).copy();
    }
}
