package io.sluice.connector.kafka.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads a scalar at a dotted path ({@code customer.id}) in an event's JSON data. */
final class FieldPath {

    private FieldPath() {}

    /**
     * The scalar's text.
     *
     * @throws IllegalArgumentException when the path is missing or leads to an object or a list
     */
    static String text(JsonObject data, String path, String purpose) {
        Object value = data;
        for (String step : path.split("\\.")) {
            value = value instanceof JsonObject ? ((JsonObject) value).getValue(step) : null;
        }
        if (value == null) {
            throw new IllegalArgumentException("the event's data has no field '" + path + "' for the " + purpose);
        }
        if (value instanceof JsonObject || value instanceof JsonArray) {
            throw new IllegalArgumentException(
                    "field '" + path + "' of the event's data must be a string or a number for the " + purpose);
        }
        return value.toString();
    }
}
