package io.sluice.connector.ai.impl;

import io.sluice.connector.ai.Completions;
import io.sluice.event.Event;
import io.sluice.pipeline.SinkException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Turns a completion into the {@link Completions#TYPE} event that routes onward. */
final class Replies {

    private Replies() {}

    /**
     * The reply to the event; {@code result.model()} names the model that answered.
     *
     * @throws SinkException permanent, when JSON was asked for and the content is not JSON
     */
    static Event reply(String sinkName, Event event, ChatResult result, boolean json) {
        String answeredBy = result.model();
        JsonObject data =
                new JsonObject().put(Completions.MODEL, answeredBy).put(Completions.CONTENT, result.content());
        if (json) {
            data.put(Completions.PARSED, parse(result, answeredBy));
        }
        data.put(Completions.USAGE, result.usage())
                .put(Completions.FINISH_REASON, result.finishReason())
                .put(
                        Completions.SOURCE_EVENT,
                        new JsonObject()
                                .put("id", event.id())
                                .put("type", event.type())
                                .put("source", event.source()));
        return Event.builder()
                .id(replyId(event))
                .source("/sinks/" + sinkName)
                .type(Completions.TYPE)
                .subject(event.subject())
                .data(data)
                .build();
    }

    /** A name-based UUID of the original's source and id: the same event always gets the same reply id. */
    static String replyId(Event event) {
        return UUID.nameUUIDFromBytes((event.source() + "\n" + event.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Object parse(ChatResult result, String model) {
        String content = result.content().strip();
        // Some local models wrap JSON in a Markdown fence even in JSON mode.
        if (content.startsWith("```") && content.endsWith("```") && content.length() > 6) {
            content = content.substring(content.indexOf('\n') + 1, content.length() - 3)
                    .strip();
        }
        try {
            return Json.decodeValue(content);
        } catch (DecodeException e) {
            throw SinkException.permanent(
                    "model '" + model + "' answered content that is not JSON (finish reason " + result.finishReason()
                            + "): " + SseReader.abbreviate(result.content()),
                    e);
        }
    }
}
