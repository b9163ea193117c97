package io.sluice.runtime.impl;

import io.sluice.event.Event;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Reads a route's {@code ordering-key} from an event: {@code subject}, {@code id}, {@code
 * header:<name>}, {@code extension:<name>} or {@code data:<dotted.path>} (a Kafka key, a table's
 * primary key, a call id). An event without the key is not ordered.
 */
final class OrderingKey {

    private OrderingKey() {}

    /**
     * Parses the spec.
     *
     * @throws IllegalArgumentException naming the forms allowed
     */
    static Function<Event, String> parse(String spec) {
        if (spec.equals("subject")) {
            return Event::subject;
        }
        if (spec.equals("id")) {
            return Event::id;
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String name = colon < 0 ? "" : spec.substring(colon + 1);
        if (!name.isEmpty()) {
            switch (kind) {
                case "header":
                    return event -> event.headers().first(name);
                case "extension":
                    return event -> event.extension(name);
                case "data":
                    String[] path = name.split("\\.");
                    return event -> dataField(event, path);
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(
                "must be subject, id, header:<name>, extension:<name> or data:<dotted.path>");
    }

    private static String dataField(Event event, String[] path) {
        Object value;
        try {
            value = event.dataAsJson();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
        for (String step : path) {
            if (!(value instanceof JsonObject)) {
                return null;
            }
            value = ((JsonObject) value).getValue(step);
        }
        return value == null ? null : String.valueOf(value);
    }
}
