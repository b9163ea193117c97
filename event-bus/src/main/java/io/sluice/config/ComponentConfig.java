package io.sluice.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of one configured component (a source, a route's processor, a sink, the dead-letter
 * store), read with typed getters that reject a bad value with the key, the line, the rule and the
 * value.
 *
 * <p>Keys are kebab-case. Every getter takes the default that applies when the key is absent, so a
 * component's defaults are written once, where it reads them.
 */
public final class ComponentConfig {

    private final String name;
    private final String type;
    private final JsonObject options;
    private final String pointer;
    private final ConfigSource source;

    /**
     * @param name the component's name, unique among its kind
     * @param type the component's type, e.g. {@code openfaas-queue}
     * @param options the component's whole object, including {@code name} and {@code type}
     * @param pointer where the object sits in the document, e.g. {@code /sources/0}
     * @param source file and lines, for error messages
     */
    public ComponentConfig(String name, String type, JsonObject options, String pointer, ConfigSource source) {
        this.name = name;
        this.type = type;
        this.options = options;
        this.pointer = pointer;
        this.source = source;
    }

    /** Wraps a plain object, e.g. in tests; errors then carry no file or line. */
    public static ComponentConfig of(String name, String type, JsonObject options) {
        return new ComponentConfig(name, type, options, "", new ConfigSource(null, java.util.Map.of()));
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    /** The raw options object. */
    public JsonObject json() {
        return options;
    }

    /** The JSON pointer of this component in the document. */
    public String pointer() {
        return pointer;
    }

    /** Tells whether the key is present. */
    public boolean has(String key) {
        return options.containsKey(key);
    }

    /** A string option, or the default when absent. */
    public String string(String key, String defaultValue) {
        Object value = options.getValue(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof JsonObject || value instanceof JsonArray) {
            throw problem(key, "must be a string", value);
        }
        return String.valueOf(value);
    }

    /** A string option that must be present and non-empty. */
    public String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isEmpty()) {
            throw problem(key, "is required", null);
        }
        return value;
    }

    /** A string option that must be one of the allowed values. */
    public String oneOf(String key, String defaultValue, String... allowed) {
        String value = string(key, defaultValue);
        if (value != null && !Arrays.asList(allowed).contains(value)) {
            throw problem(key, "must be one of " + String.join(", ", allowed), value);
        }
        return value;
    }

    /** An integer option within {@code [min, max]}. */
    public int integer(String key, int defaultValue, int min, int max) {
        Object value = options.getValue(key);
        if (value == null) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = value instanceof Number
                    ? ((Number) value).longValue()
                    : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw problem(key, "must be an integer between " + min + " and " + max, value);
        }
        if (parsed < min || parsed > max || (value instanceof Double || value instanceof Float)) {
            throw problem(key, "must be an integer between " + min + " and " + max, value);
        }
        return (int) parsed;
    }

    /** A boolean option. */
    public boolean bool(String key, boolean defaultValue) {
        Object value = options.getValue(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        String text = value.toString();
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw problem(key, "must be true or false", value);
    }

    /** A duration option ({@code 500ms}, {@code 30s}, {@code 2m}); a bare number means seconds. */
    public Duration duration(String key, Duration defaultValue) {
        Object value = options.getValue(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number) {
            return Duration.ofMillis((long) (((Number) value).doubleValue() * 1000));
        }
        try {
            return Units.duration(value.toString());
        } catch (IllegalArgumentException e) {
            throw problem(key, e.getMessage(), value);
        }
    }

    /** A positive duration option. */
    public Duration positiveDuration(String key, Duration defaultValue) {
        Duration value = duration(key, defaultValue);
        if (value.isZero() || value.isNegative()) {
            throw problem(key, "must be a positive duration", options.getValue(key));
        }
        return value;
    }

    /** A size option in bytes ({@code 262144}, {@code 256KiB}, {@code 1MiB}). */
    public long bytes(String key, long defaultValue) {
        Object value = options.getValue(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Units.bytes(value.toString());
        } catch (IllegalArgumentException e) {
            throw problem(key, e.getMessage(), value);
        }
    }

    /** A list of strings, written as a YAML list or as one comma-separated string. */
    public List<String> strings(String key, List<String> defaultValue) {
        Object value = options.getValue(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof JsonArray) {
            List<String> list = new ArrayList<>();
            for (Object item : (JsonArray) value) {
                if (item instanceof JsonObject || item instanceof JsonArray || item == null) {
                    throw problem(key, "must be a list of strings", value);
                }
                list.add(item.toString());
            }
            return list;
        }
        return Arrays.stream(value.toString().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    /** A nested object as its own component config (same name and type), empty when absent. */
    public ComponentConfig section(String key) {
        Object value = options.getValue(key);
        if (value != null && !(value instanceof JsonObject)) {
            throw problem(key, "must be an object", value);
        }
        JsonObject object = value == null ? new JsonObject() : (JsonObject) value;
        return new ComponentConfig(name, type, object, pointer + "/" + key, source);
    }

    /** Nested objects in a list, each as its own component config. */
    public List<ComponentConfig> sections(String key) {
        Object value = options.getValue(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray)) {
            throw problem(key, "must be a list", value);
        }
        List<ComponentConfig> list = new ArrayList<>();
        JsonArray array = (JsonArray) value;
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject)) {
                throw problem(key + "/" + i, "must be an object", array.getValue(i));
            }
            JsonObject item = array.getJsonObject(i);
            list.add(new ComponentConfig(
                    item.getString("name", name),
                    item.getString("type", type),
                    item,
                    pointer + "/" + key + "/" + i,
                    source));
        }
        return list;
    }

    /**
     * Rejects keys that are not among the known ones, naming the unknown key and what is allowed.
     */
    public void rejectUnknown(Set<String> known) {
        for (String key : options.fieldNames()) {
            if (!known.contains(key) && !key.equals("name") && !key.equals("type")) {
                throw problem(
                        key,
                        "is not an option of '"
                                + type
                                + "'; known options: "
                                + known.stream().sorted().collect(Collectors.joining(", ")),
                        null);
            }
        }
    }

    /** A configuration error at one of this component's keys. */
    public ConfigException problem(String key, String rule, Object value) {
        String at = key.isEmpty() ? pointer : pointer + "/" + key;
        return new ConfigException(source.problem(at, rule, value));
    }
}
