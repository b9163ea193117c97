package io.sluice.connector.webhook.impl;

import io.sluice.config.ComponentConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code secrets:}, a list of secret texts or a single one.
 *
 * <p>Not {@link ComponentConfig#strings}: it splits a single string on commas, and a secret may
 * contain one. Problems never quote the value.
 */
final class ConfiguredSecrets {

    static final String KEY = "secrets";

    private ConfiguredSecrets() {}

    /** The secret texts; empty when the option is absent. */
    static List<String> read(ComponentConfig config) {
        Object value = config.json().getValue(KEY);
        if (value == null) {
            return List.of();
        }
        List<String> secrets = new ArrayList<>();
        if (value instanceof JsonArray list) {
            for (int i = 0; i < list.size(); i++) {
                secrets.add(text(config, list.getValue(i), KEY + "/" + i));
            }
        } else {
            secrets.add(text(config, value, KEY));
        }
        if (secrets.isEmpty()) {
            throw config.problem(KEY, "must list at least one secret", null);
        }
        return secrets;
    }

    private static String text(ComponentConfig config, Object value, String at) {
        if (value == null || value instanceof JsonObject || value instanceof JsonArray) {
            throw config.problem(at, "must be a secret text, usually ${secret:name}", null);
        }
        String text = value.toString();
        if (text.isEmpty()) {
            throw config.problem(at, "must not be empty", null);
        }
        return text;
    }
}
