package io.sluice.connector.postgres.impl;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns column values as wal2json writes them (numbers and booleans as JSON, everything else as the
 * type's text output) into the JSON {@code to_jsonb} would give, which is what a Supabase webhook
 * body holds: {@code json}/{@code jsonb} nested, arrays as JSON arrays, timestamps in ISO 8601,
 * {@code bytea} as {@code \x}-prefixed hex. Numbers keep every digit.
 */
final class PgValues {

    /**
     * Decodes with exact numbers: a {@code numeric} of 30 digits must not become a double, and
     * {@code 2.50} stays {@code 2.50} as PostgreSQL wrote it.
     */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint", "oid");
    private static final Set<String> DECIMALS = Set.of("numeric", "real", "double precision", "money");

    private PgValues() {}

    /** The JSON value of a column of the given type. */
    static Object convert(String type, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            return vertx(value);
        }
        return fromText(type, value.asText());
    }

    private static Object fromText(String type, String text) {
        if (type.endsWith("[]")) {
            String elementType = type.substring(0, type.length() - 2);
            try {
                return PgArrayLiteral.parse(text, element -> element(elementType, element));
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
        switch (type) {
            case "json":
            case "jsonb":
                return parseJson(text);
            case "bytea":
                return "\\x" + text;
            case "timestamp with time zone":
                return PgText.timestamptz(text);
            case "timestamp without time zone":
                return PgText.timestamp(text);
            default:
                return text;
        }
    }

    private static Object element(String type, String text) {
        try {
            if (INTEGERS.contains(type)) {
                return new BigDecimal(text).toBigIntegerExact();
            }
            if (DECIMALS.contains(type)) {
                return new BigDecimal(text);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // NaN, Infinity and money's currency text have no JSON number: keep the text.
            return text;
        }
        if (type.equals("boolean")) {
            return text.equals("t") || text.equals("true");
        }
        return fromText(type, text);
    }

    private static Object parseJson(String text) {
        try {
            return vertx(JSON.readTree(text));
        } catch (IOException e) {
            return text;
        }
    }

    /** Copies a Jackson tree into Vert.x JSON values, keeping exact numbers. */
    static Object vertx(JsonNode node) {
        if (node.isObject()) {
            JsonObject object = new JsonObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                object.put(field.getKey(), vertx(field.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            JsonArray array = new JsonArray();
            node.forEach(item -> array.add(vertx(item)));
            return array;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }
}
