package io.sluice.connector.webhook.verify.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The top-level {@code id} and {@code type} of a verified JSON body, each {@code null} when absent
 * or not a string.
 *
 * <p>Only ever read after the signature has verified: before that the body is untrusted input, and
 * parsing it would spend work on an attacker's payload.
 */
record JsonFields(String id, String type) {

    private static final JsonFields NONE = new JsonFields(null, null);

    static JsonFields read(byte[] body) {
        JsonObject json;
        try {
            json = new JsonObject(Buffer.buffer(body));
        } catch (DecodeException notAnObject) {
            // The signature covers bytes, not their shape: a verified body that is not a JSON object
            // is still a genuine delivery; it just declares no id or type.
            return NONE;
        }
        return new JsonFields(stringOrNull(json, "id"), stringOrNull(json, "type"));
    }

    private static String stringOrNull(JsonObject json, String key) {
        Object value = json.getValue(key);
        return value instanceof String text ? text : null;
    }
}
