package io.sluice.processors.cel.impl;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import io.sluice.event.Event;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON values and the values CEL evaluates: JSON integers become {@code int}
 * ({@code Long}), other numbers {@code double}, {@code null} CEL's null; and back, with timestamps
 * and durations written as their protobuf JSON forms and bytes as base64.
 */
public final class CelValues {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private CelValues() {}

    /** The value, or CEL's null for {@code null}. */
    public static Object orNull(Object value) {
        return value == null ? NullValue.NULL_VALUE : value;
    }

    /** The event's data as a CEL value, or CEL's null when it is not JSON. */
    public static Object data(Event event) {
        Object json = JsonData.parse(event);
        return json == JsonData.NOT_JSON ? NullValue.NULL_VALUE : fromJson(json);
    }

    /** A Vert.x JSON value (or plain maps and lists) as a CEL value. */
    public static Object fromJson(Object json) {
        if (json == null) {
            return NullValue.NULL_VALUE;
        }
        if (json instanceof JsonObject) {
            return fromJson(((JsonObject) json).getMap());
        }
        if (json instanceof JsonArray) {
            return fromJson(((JsonArray) json).getList());
        }
        if (json instanceof Map) {
            Map<String, Object> map = new LinkedHashMap<>();
            ((Map<?, ?>) json).forEach((key, value) -> map.put(String.valueOf(key), fromJson(value)));
            return map;
        }
        if (json instanceof List) {
            List<Object> list = new ArrayList<>();
            ((List<?>) json).forEach(item -> list.add(fromJson(item)));
            return list;
        }
        if (json instanceof Number) {
            return number((Number) json);
        }
        return json;
    }

    private static Object number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof BigInteger) {
            BigInteger big = (BigInteger) number;
            return big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0 ? big.longValue() : big.doubleValue();
        }
        return number.doubleValue();
    }

    /** Whether a CEL result is null. */
    public static boolean isNull(Object value) {
        return value == null || value instanceof NullValue || value instanceof com.google.protobuf.NullValue;
    }

    /**
     * A CEL result as a Vert.x JSON value.
     *
     * @throws IllegalArgumentException for a value JSON cannot hold (NaN, a type or message value)
     */
    public static Object toJson(Object value) {
        if (isNull(value)) {
            return null;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Double) {
            double number = (Double) value;
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException("the result " + number + " cannot be written as JSON");
            }
            return number;
        }
        if (value instanceof Map) {
            JsonObject object = new JsonObject();
            ((Map<?, ?>) value).forEach((key, item) -> object.put(String.valueOf(key), toJson(item)));
            return object;
        }
        if (value instanceof Iterable) {
            JsonArray array = new JsonArray();
            ((Iterable<?>) value).forEach(item -> array.add(toJson(item)));
            return array;
        }
        return scalarToJson(value);
    }

    private static Object scalarToJson(Object value) {
        if (value instanceof UnsignedLong) {
            BigInteger big = ((UnsignedLong) value).bigIntegerValue();
            return big.compareTo(LONG_MAX) <= 0 ? (Object) big.longValue() : big;
        }
        if (value instanceof Instant) {
            return value.toString();
        }
        if (value instanceof Duration) {
            Duration duration = (Duration) value;
            BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds())
                    .add(BigDecimal.valueOf(duration.getNano(), 9))
                    .stripTrailingZeros();
            return seconds.toPlainString() + "s";
        }
        if (value instanceof CelByteString) {
            return Base64.getEncoder().encodeToString(((CelByteString) value).toByteArray());
        }
        throw new IllegalArgumentException(
                "a value of type " + value.getClass().getSimpleName() + " cannot be written as JSON");
    }

    /** The name of a CEL result's type, for error messages. */
    public static String typeName(Object value) {
        if (isNull(value)) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "double";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Map) {
            return "map";
        }
        if (value instanceof List) {
            return "list";
        }
        return value.getClass().getSimpleName();
    }
}
