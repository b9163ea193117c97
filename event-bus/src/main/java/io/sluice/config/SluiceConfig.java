package io.sluice.config;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A whole, validated Sluice configuration.
 *
 * @param root the document as JSON after substitution, for sections components share (e.g. {@code
 *     nats})
 * @param http the public listener: async front door, webhooks
 * @param admin the admin listener: metrics, health, dead letters
 * @param deadLetter the dead-letter store
 * @param sources every source, in document order
 * @param routes every route, in the order they are tried
 * @param sinks every sink
 * @param origin file and lines, for later errors
 */
public record SluiceConfig(
        JsonObject root,
        ComponentConfig http,
        ComponentConfig admin,
        ComponentConfig deadLetter,
        List<ComponentConfig> sources,
        List<RouteConfig> routes,
        List<ComponentConfig> sinks,
        ConfigSource origin) {

    /** A top-level section other components share, such as {@code nats}; empty when absent. */
    public ComponentConfig section(String key) {
        JsonObject value = root.getJsonObject(key, new JsonObject());
        return new ComponentConfig(key, key, value, "/" + key, origin);
    }
}
