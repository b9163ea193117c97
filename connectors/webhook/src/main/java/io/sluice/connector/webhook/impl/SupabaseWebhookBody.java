package io.sluice.connector.webhook.impl;

import io.sluice.event.DatabaseChange;
import io.sluice.event.DatabaseChange.Action;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads the body of a Supabase Database Webhook POST, {@code jsonb_build_object('old_record', OLD,
 * 'record', NEW, 'type', TG_OP, 'table', TG_TABLE_NAME, 'schema', TG_TABLE_SCHEMA)}, and checks
 * that it describes a row change.
 *
 * <p>{@code type} is INSERT, UPDATE or DELETE as {@code TG_OP} spells it; {@code table} and {@code
 * schema} are non-empty strings; {@code record} is an object for INSERT and UPDATE and null (or
 * absent) for DELETE; {@code old_record} is an object for UPDATE and DELETE and null (or absent) for
 * INSERT. Members Supabase does not send are ignored.
 */
final class SupabaseWebhookBody {

    private static final int SHOWN = 40;

    private SupabaseWebhookBody() {}

    /**
     * @throws IllegalArgumentException naming the missing or bad field; never quoting a row
     */
    static DatabaseChange parse(Buffer body) {
        JsonObject json = object(body);
        Action action = action(json.getValue("type"));
        String table = name(json, "table");
        String schema = name(json, "schema");
        JsonObject record = row(json, "record", action != Action.DELETE, action);
        JsonObject oldRecord = row(json, "old_record", action != Action.INSERT, action);
        return DatabaseChange.of(action, schema, table, record, oldRecord);
    }

    private static JsonObject object(Buffer body) {
        if (body.length() == 0) {
            throw new IllegalArgumentException("body is empty; expected a Database Webhook JSON object");
        }
        Object value;
        try {
            value = Json.decodeValue(body);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("body is not JSON; expected a Database Webhook JSON object");
        }
        if (!(value instanceof JsonObject json)) {
            throw new IllegalArgumentException("body is not a JSON object; expected a Database Webhook JSON object");
        }
        return json;
    }

    private static Action action(Object value) {
        return Action.named(value instanceof String text ? text : null)
                .orElseThrow(() -> new IllegalArgumentException(
                        "field 'type' must be one of INSERT, UPDATE, DELETE, got " + shown(value)));
    }

    private static String name(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value instanceof String text && !text.isEmpty()) {
            return text;
        }
        throw new IllegalArgumentException("field '" + field + "' must be a non-empty string, got " + shown(value));
    }

    private static JsonObject row(JsonObject json, String field, boolean required, Action action) {
        Object value = json.getValue(field);
        if (required && !(value instanceof JsonObject)) {
            throw new IllegalArgumentException(
                    "field '" + field + "' must be an object for " + action + ", got " + kind(value));
        }
        if (!required && value != null) {
            throw new IllegalArgumentException(
                    "field '" + field + "' must be null for " + action + ", got " + kind(value));
        }
        return (JsonObject) value;
    }

    /** A short rendering of a scalar; rows and arrays only by kind, since they hold user data. */
    private static String shown(Object value) {
        if (value == null || value instanceof JsonObject || value instanceof JsonArray) {
            return kind(value);
        }
        String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof JsonObject) {
            return "an object";
        }
        if (value instanceof JsonArray) {
            return "an array";
        }
        return value instanceof String
                ? "a string"
                : "a " + value.getClass().getSimpleName().toLowerCase();
    }
}
