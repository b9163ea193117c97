package io.sluice.connector.kafka;

import io.sluice.config.ComponentConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code kafka:} section: native Kafka client properties passed through with their own
 * names ({@code security.protocol}, {@code sasl.jaas.config}, {@code max.poll.records}), values
 * written as YAML scalars.
 */
final class ClientOptions {

    private ClientOptions() {}

    /**
     * Returns the section's properties as strings.
     *
     * @param reserved native properties Sluice sets itself, each with the reason given when one is
     *     written here anyway
     * @throws io.sluice.config.ConfigException naming the property, when it is reserved or its value
     *     is not a scalar
     */
    static Map<String, String> read(ComponentConfig config, Map<String, String> reserved) {
        ComponentConfig section = config.section("kafka");
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : section.json()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (reserved.containsKey(key)) {
                throw section.problem(key, reserved.get(key), value);
            }
            if (value == null || value instanceof JsonObject || value instanceof JsonArray) {
                throw section.problem(key, "must be a string, a number or a boolean", value);
            }
            properties.put(key, String.valueOf(value));
        }
        return properties;
    }
}
