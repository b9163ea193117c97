package io.sluice.processors.cel.impl;

import io.sluice.event.Event;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads an event's data as JSON when its content type allows it. */
public final class JsonData {

    /** What {@link #parse} answers for data that is not JSON. */
    public static final Object NOT_JSON = new Object() {
        @Override
        public String toString() {
            return "not JSON";
        }
    };

    private JsonData() {}

    /**
     * Whether the content type allows JSON: absent (sources such as JetStream often omit it),
     * {@code application/json} or a {@code +json} suffix.
     */
    public static boolean mayBeJson(Event event) {
        String type = event.dataContentType();
        if (type == null) {
            return true;
        }
        String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    /**
     * The data as a Vert.x JSON value ({@code JsonObject}, {@code JsonArray}, string, number,
     * boolean or {@code null}), or {@link #NOT_JSON} when the content type is not JSON, the data is
     * empty, or it does not parse.
     */
    public static Object parse(Event event) {
        if (!mayBeJson(event) || event.data().length() == 0) {
            return NOT_JSON;
        }
        try {
            return Json.decodeValue(event.data());
        } catch (DecodeException e) {
            // Data that only claims to be JSON is not an error here: expressions see null, and the
            // processors that need JSON say so in the failure they raise.
            return NOT_JSON;
        }
    }

    /** Names what {@link #parse} returned, for error messages: {@code a JSON array}, {@code not JSON}. */
    public static String describe(Object json) {
        if (json == NOT_JSON) {
            return "not JSON";
        }
        if (json == null) {
            return "JSON null";
        }
        String kind = json.getClass().getSimpleName().replace("Json", "").toLowerCase(Locale.ROOT);
        return "a JSON " + kind;
    }

    /** A Vert.x JSON value as plain maps and lists, which template engines walk. */
    public static Object plain(Object json) {
        if (json instanceof JsonObject) {
            return plain(((JsonObject) json).getMap());
        }
        if (json instanceof JsonArray) {
            return plain(((JsonArray) json).getList());
        }
        if (json instanceof Map) {
            Map<String, Object> map = new LinkedHashMap<>();
            ((Map<?, ?>) json).forEach((key, value) -> map.put(String.valueOf(key), plain(value)));
            return map;
        }
        if (json instanceof List) {
            List<Object> list = new ArrayList<>();
            ((List<?>) json).forEach(item -> list.add(plain(item)));
            return list;
        }
        return json;
    }
}
