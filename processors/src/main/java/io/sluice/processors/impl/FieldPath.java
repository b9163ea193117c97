package io.sluice.processors.impl;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** A data field named by a dotted path ({@code customer.address.city}). */
record FieldPath(List<String> names) {

    /** Parses a path; {@code null} when a name is empty. */
    static FieldPath parse(String path) {
        List<String> names = List.of(path.split("\\.", -1));
        return names.stream().anyMatch(String::isEmpty) ? null : new FieldPath(names);
    }

    /**
     * Sets the value, creating the objects on the way.
     *
     * @throws IllegalArgumentException when a name on the way holds something other than an object
     */
    void set(JsonObject root, Object value) {
        JsonObject object = root;
        for (int i = 0; i < names.size() - 1; i++) {
            Object next = object.getValue(names.get(i));
            if (next == null) {
                next = new JsonObject();
                object.put(names.get(i), next);
            } else if (!(next instanceof JsonObject)) {
                throw new IllegalArgumentException("cannot set '" + this + "': '"
                        + String.join(".", names.subList(0, i + 1)) + "' is not an object");
            }
            object = (JsonObject) next;
        }
        object.put(names.get(names.size() - 1), value);
    }

    @Override
    public String toString() {
        return String.join(".", names);
    }
}
