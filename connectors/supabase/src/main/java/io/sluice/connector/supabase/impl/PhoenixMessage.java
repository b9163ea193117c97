package io.sluice.connector.supabase.impl;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One Phoenix Channels message, whichever framing carried it.
 *
 * @param joinRef the ref of the join this message belongs to; {@code null} on {@code phoenix} and
 *     on server broadcasts
 * @param ref the push's ref, echoed by its reply; {@code null} on server pushes
 * @param topic {@code phoenix} or the channel's {@code realtime:<name>}
 * @param event {@code phx_join}, {@code phx_reply}, {@code heartbeat}, {@code system}, {@code
 *     postgres_changes}, ...
 * @param payload the payload object, empty when the frame carried none
 */
record PhoenixMessage(String joinRef, String ref, String topic, String event, JsonObject payload) {

    /** The topic heartbeats go to. */
    static final String PHOENIX = "phoenix";

    PhoenixMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
        payload = payload == null ? new JsonObject() : payload;
    }

    /** Whether this is the reply to the push with the given ref. */
    boolean repliesTo(String topic, String ref) {
        return event.equals("phx_reply") && this.topic.equals(topic) && ref != null && ref.equals(this.ref);
    }

    /** A reply's {@code status}: {@code ok}, {@code error}, or {@code null} when absent. */
    String status() {
        return payload.getValue("status") instanceof String status ? status : null;
    }

    /** A reply's {@code response}, empty when absent. */
    JsonObject response() {
        return payload.getValue("response") instanceof JsonObject response ? response : new JsonObject();
    }
}
