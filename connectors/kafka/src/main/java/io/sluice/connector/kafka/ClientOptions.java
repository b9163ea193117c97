package io.sluice.connector.kafka;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigProblem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

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

    /**
     * Checks each property the client knows against its definition (type, range, allowed values),
     * so a bad value is a config error naming the property at {@code validate} and startup instead
     * of a client that fails to construct on every start attempt. Properties the client does not
     * define pass: plugins such as interceptors and SASL callbacks read their own.
     *
     * @param required the client's required properties that Sluice sets itself (the serializers)
     * @throws io.sluice.config.ConfigException naming each refused property and the client's complaint
     */
    static void check(
            ComponentConfig config,
            Map<String, String> properties,
            ConfigDef definition,
            Map<String, Object> required) {
        ComponentConfig section = config.section("kafka");
        List<ConfigProblem> problems = new ArrayList<>();
        properties.forEach((name, value) -> {
            if (!definition.configKeys().containsKey(name)) {
                return;
            }
            Map<String, Object> one = new HashMap<>(required);
            one.put(name, value);
            try {
                definition.parse(one);
            } catch (ConfigException e) {
                problems.addAll(section.problem(name, "is not accepted by the Kafka client: " + e.getMessage(), value)
                        .problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new io.sluice.config.ConfigException(problems);
        }
    }
}
