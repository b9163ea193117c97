package io.sluice.connector.ai.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Reads a streamed chat completion: server-sent events whose {@code data:} lines each carry a chunk
 * with {@code choices[0].delta.content}, ending with {@code data: [DONE]}. The usage arrives in a
 * last chunk with no choices when the request asked for it ({@code stream_options.include_usage}).
 *
 * <p>Bytes arrive split anywhere, even inside a UTF-8 character, so lines are cut from the raw
 * bytes and decoded whole. Not thread-safe: fed from one response's handler.
 */
final class SseReader {

    private Buffer pending = Buffer.buffer();
    private final StringBuilder data = new StringBuilder();
    private final StringBuilder content = new StringBuilder();
    private String model;
    private JsonObject usage;
    private String finishReason;
    private boolean done;

    /**
     * Feeds the next bytes of the body.
     *
     * @throws IllegalStateException when a chunk is not JSON or carries an {@code error}
     */
    void feed(Buffer bytes) {
        pending.appendBuffer(bytes);
        int start = 0;
        for (int i = 0; i < pending.length(); i++) {
            if (pending.getByte(i) == '\n') {
                line(pending.getString(start, i, "UTF-8"));
                start = i + 1;
            }
        }
        pending = pending.getBuffer(start, pending.length());
    }

    /** Whether {@code data: [DONE]} arrived. */
    boolean done() {
        return done;
    }

    /** The completion read so far; complete once {@link #done()}. */
    ChatResult result() {
        return new ChatResult(model, content.toString(), usage, finishReason);
    }

    private void line(String raw) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith("data:")) {
            // An event's data may span several data: lines, joined by newlines (the SSE spec).
            if (data.length() > 0) {
                data.append('\n');
            }
            data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
        }
        // Comments (": keep-alive") and event:/id:/retry: fields carry nothing for completions.
    }

    private void dispatch() {
        if (data.length() == 0) {
            return;
        }
        String payload = data.toString();
        data.setLength(0);
        if (payload.equals("[DONE]")) {
            done = true;
            return;
        }
        JsonObject chunk;
        try {
            chunk = new JsonObject(payload);
        } catch (RuntimeException e) {
            throw new IllegalStateException("a streamed chunk is not JSON: " + abbreviate(payload), e);
        }
        if (chunk.containsKey("error")) {
            throw new IllegalStateException("the stream reported an error: "
                    + abbreviate(chunk.getValue("error").toString()));
        }
        if (chunk.getString("model") != null) {
            model = chunk.getString("model");
        }
        if (chunk.getJsonObject("usage") != null) {
            usage = chunk.getJsonObject("usage");
        }
        if (chunk.getJsonArray("choices") != null
                && !chunk.getJsonArray("choices").isEmpty()) {
            JsonObject choice = chunk.getJsonArray("choices").getJsonObject(0);
            JsonObject delta = choice.getJsonObject("delta");
            if (delta != null && delta.getString("content") != null) {
                content.append(delta.getString("content"));
            }
            if (choice.getString("finish_reason") != null) {
                finishReason = choice.getString("finish_reason");
            }
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
