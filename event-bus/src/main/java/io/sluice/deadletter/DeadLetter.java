package io.sluice.deadletter;

import io.sluice.event.Event;
import io.sluice.event.EventCodec;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * An event Sluice could not deliver, kept with why: the cause, where it failed, how often it was
 * tried, and when.
 *
 * @param event the event as it was offered to the failing step
 * @param origin the source the event came from
 * @param route the route it failed in, or {@code null} when it failed before routing (undecodable)
 * @param sink the sink that failed, or {@code null} when a processor or condition failed
 * @param cause the failure's message, naming the peer and what it answered
 * @param causeType the failure's class name
 * @param attempts how many times delivery was tried
 * @param time when it was dead-lettered
 */
public record DeadLetter(
        Event event,
        String origin,
        String route,
        String sink,
        String cause,
        String causeType,
        int attempts,
        Instant time) {

    /** Encodes the letter as JSON; the event in CloudEvents JSON form. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("event", EventCodec.toJson(event))
                .put("origin", origin)
                .put("route", route)
                .put("sink", sink)
                .put("cause", cause)
                .put("cause-type", causeType)
                .put("attempts", attempts)
                .put("time", time.toString());
    }

    /**
     * Decodes a letter written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming the member that is malformed
     */
    public static DeadLetter fromJson(JsonObject json) {
        return new DeadLetter(
                EventCodec.fromJson(json.getJsonObject("event")),
                json.getString("origin"),
                json.getString("route"),
                json.getString("sink"),
                json.getString("cause"),
                json.getString("cause-type"),
                json.getInteger("attempts", 0),
                Instant.parse(json.getString("time")));
    }
}
