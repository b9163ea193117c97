package io.sluice.event;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Small JSON helpers over Vert.x's codec that accept any JSON value, not only objects. */
final class Json {

    private Json() {}

    static Object decode(Buffer bytes) {
        return io.vertx.core.json.Json.decodeValue(bytes);
    }

    static String encode(Object value) {
        if (value instanceof JsonObject) {
            return ((JsonObject) value).encode();
        }
        if (value instanceof JsonArray) {
            return ((JsonArray) value).encode();
        }
        return io.vertx.core.json.Json.encode(value);
    }
}
