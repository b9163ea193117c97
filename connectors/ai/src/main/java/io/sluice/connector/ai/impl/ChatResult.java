package io.sluice.connector.ai.impl;

import io.vertx.core.json.JsonObject;

/**
 * What a chat completion answered.
 *
 * @param model the model the API says answered, or {@code null} when it did not say
 * @param content the assistant message's text
 * @param usage the API's {@code usage} object, or {@code null} when it sent none
 * @param finishReason why generation stopped ({@code stop}, {@code length}), or {@code null}
 */
record ChatResult(String model, String content, JsonObject usage, String finishReason) {

    /** The same answer, attributed to the model that was asked (for APIs that do not say). */
    ChatResult answeredBy(String asked) {
        return new ChatResult(asked, content, usage, finishReason);
    }

    /** {@code usage.total_tokens}, or -1 when the API did not report it. */
    long totalTokens() {
        return usage == null ? -1 : usage.getLong("total_tokens", -1L);
    }

    /**
     * Reads a non-streamed answer: {@code choices[0].message.content}.
     *
     * @throws IllegalArgumentException when the body is not a chat completion
     */
    static ChatResult fromCompletion(JsonObject body) {
        JsonObject choice = firstChoice(body);
        JsonObject message = choice.getJsonObject("message");
        if (message == null) {
            throw new IllegalArgumentException("choices[0] has no message");
        }
        String content = message.getString("content");
        return new ChatResult(
                body.getString("model"),
                content == null ? "" : content,
                body.getJsonObject("usage"),
                choice.getString("finish_reason"));
    }

    static JsonObject firstChoice(JsonObject body) {
        if (body.getJsonArray("choices") == null || body.getJsonArray("choices").isEmpty()) {
            throw new IllegalArgumentException("the answer has no choices");
        }
        return body.getJsonArray("choices").getJsonObject(0);
    }
}
