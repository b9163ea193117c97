package io.sluice.connector.supabase.impl;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * How text frames carry messages, by the socket's {@code vsn} query parameter.
 *
 * <ul>
 *   <li>{@code 1.0.0}: one JSON object {@code {"topic","event","payload","ref","join_ref"}}; the
 *       server reads {@code join_ref} when present and never writes it;
 *   <li>{@code 2.0.0}: one JSON array {@code [join_ref, ref, topic, event, payload]}.
 * </ul>
 *
 * Binary frames (2.0.0 broadcasts only) are not messages this client reads.
 */
enum Framing {
    V1("1.0.0") {
        @Override
        String encode(PhoenixMessage message) {
            return new JsonObject()
                    .put("topic", message.topic())
                    .put("event", message.event())
                    .put("payload", message.payload())
                    .put("ref", message.ref())
                    .put("join_ref", message.joinRef())
                    .encode();
        }

        @Override
        PhoenixMessage decode(String frame) {
            if (!(parse(frame) instanceof JsonObject json)) {
                throw new IllegalArgumentException("vsn 1.0.0 frame is not a JSON object");
            }
            return new PhoenixMessage(
                    text(json.getValue("join_ref")),
                    text(json.getValue("ref")),
                    required(json.getValue("topic"), "topic"),
                    required(json.getValue("event"), "event"),
                    payload(json.getValue("payload")));
        }
    },
    V2("2.0.0") {
        @Override
        String encode(PhoenixMessage message) {
            return new JsonArray()
                    .add(message.joinRef())
                    .add(message.ref())
                    .add(message.topic())
                    .add(message.event())
                    .add(message.payload())
                    .encode();
        }

        @Override
        PhoenixMessage decode(String frame) {
            if (!(parse(frame) instanceof JsonArray array) || array.size() != 5) {
                throw new IllegalArgumentException("vsn 2.0.0 frame is not a JSON array of 5 members");
            }
            return new PhoenixMessage(
                    text(array.getValue(0)),
                    text(array.getValue(1)),
                    required(array.getValue(2), "topic"),
                    required(array.getValue(3), "event"),
                    payload(array.getValue(4)));
        }
    };

    private final String vsn;

    Framing(String vsn) {
        this.vsn = vsn;
    }

    /** The {@code vsn} query parameter value. */
    String vsn() {
        return vsn;
    }

    /** The framing of a {@code vsn}. */
    static Framing of(String vsn) {
        for (Framing framing : values()) {
            if (framing.vsn.equals(vsn)) {
                return framing;
            }
        }
        throw new IllegalArgumentException("unknown vsn " + vsn);
    }

    /** The text frame for a message. */
    abstract String encode(PhoenixMessage message);

    /**
     * The message in a text frame.
     *
     * @throws IllegalArgumentException when the frame is not a message of this framing
     */
    abstract PhoenixMessage decode(String frame);

    private static Object parse(String frame) {
        try {
            return Json.decodeValue(frame);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("frame is not JSON");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String required(Object value, String field) {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("frame has no string '" + field + "'");
    }

    private static JsonObject payload(Object value) {
        if (value == null || value instanceof JsonObject) {
            return (JsonObject) value;
        }
        throw new IllegalArgumentException("frame's payload is not a JSON object");
    }
}
