package io.sluice.processors.testing.impl;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;

/**
 * Compares JSON values field by field, writing one line per difference with the path to it
 * ({@code data.items[1].sku: expected "A-1", got "A-2"}).
 */
final class JsonDiff {

    private static final int SHOWN = 200;

    private JsonDiff() {}

    /**
     * Compares two values.
     *
     * @param subset whether {@code actual} may hold more: extra keys in objects, extra items at the
     *     end of arrays
     */
    static void compare(String path, Object expected, Object actual, boolean subset, List<String> out) {
        if (expected instanceof JsonObject && actual instanceof JsonObject) {
            compareObjects(path, (JsonObject) expected, (JsonObject) actual, subset, out);
        } else if (expected instanceof JsonArray && actual instanceof JsonArray) {
            compareArrays(path, (JsonArray) expected, (JsonArray) actual, subset, out);
        } else if (!sameScalar(expected, actual)) {
            out.add(path + ": expected " + show(expected) + ", got " + show(actual));
        }
    }

    private static void compareObjects(
            String path, JsonObject expected, JsonObject actual, boolean subset, List<String> out) {
        for (String key : expected.fieldNames()) {
            if (!actual.containsKey(key)) {
                out.add(path + "." + key + ": expected " + show(expected.getValue(key))
                        + ", got nothing (no such key)");
            } else {
                compare(path + "." + key, expected.getValue(key), actual.getValue(key), subset, out);
            }
        }
        if (!subset) {
            for (String key : actual.fieldNames()) {
                if (!expected.containsKey(key)) {
                    out.add(path + "." + key + ": expected no such key, got " + show(actual.getValue(key)));
                }
            }
        }
    }

    private static void compareArrays(
            String path, JsonArray expected, JsonArray actual, boolean subset, List<String> out) {
        boolean sizeDiffers = subset ? actual.size() < expected.size() : actual.size() != expected.size();
        if (sizeDiffers) {
            out.add(path + ": expected " + (subset ? "at least " : "") + expected.size() + " item(s), got "
                    + actual.size() + ": " + show(actual));
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            compare(path + "[" + i + "]", expected.getValue(i), actual.getValue(i), subset, out);
        }
    }

    private static boolean sameScalar(Object expected, Object actual) {
        if (expected instanceof Number && actual instanceof Number) {
            // YAML's 1 and JSON's 1.0 mean the same amount.
            return new BigDecimal(expected.toString()).compareTo(new BigDecimal(actual.toString())) == 0;
        }
        return expected == null ? actual == null : expected.equals(actual);
    }

    /** A value as compact JSON, cut to a readable length. */
    static String show(Object value) {
        String text = Json.encode(value);
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length() + " chars)";
    }
}
