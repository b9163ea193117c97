package io.sluice.connector.ai.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.ai.AiSettings;
import io.sluice.event.Event;
import io.sluice.pipeline.SinkException;
import io.sluice.template.EventTemplate;
import io.sluice.template.EventTemplates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Builds the chat-completions request body for an event: the rendered system and user messages and
 * the sink's sampling options. Thread-safe; the templates are compiled once.
 */
final class ChatRequests {

    /** Completion tokens assumed for the budget when {@code max-tokens} is not set. */
    static final int DEFAULT_COMPLETION_ESTIMATE = 256;

    private final AiSettings settings;
    private final EventTemplate system;
    private final EventTemplate prompt;

    private ChatRequests(AiSettings settings, EventTemplate system, EventTemplate prompt) {
        this.settings = settings;
        this.system = system;
        this.prompt = prompt;
    }

    /**
     * Compiles the templates.
     *
     * @throws io.sluice.config.ConfigException naming the template that does not compile
     */
    static ChatRequests compile(AiSettings settings, ComponentConfig config) {
        EventTemplates templates = EventTemplates.plainText();
        return new ChatRequests(
                settings,
                templates.compile(config, "system", settings.system()),
                templates.compile(config, "prompt", settings.prompt()));
    }

    /**
     * Renders the messages for the event.
     *
     * @throws SinkException permanent, when a template fails on the event
     */
    JsonArray messages(Event event) {
        Map<String, Object> scope = EventTemplates.scope(event);
        try {
            JsonArray messages = new JsonArray();
            if (system != null) {
                messages.add(message("system", system.render(scope)));
            }
            return messages.add(message("user", prompt.render(scope)));
        } catch (RuntimeException e) {
            throw SinkException.permanent(
                    "prompt templates cannot be rendered for event '" + event.id() + "': " + e.getMessage(), e);
        }
    }

    /** The request body for one model. */
    JsonObject body(JsonArray messages, String model) {
        JsonObject body = new JsonObject().put("model", model).put("messages", messages);
        if (settings.temperature() != null) {
            body.put("temperature", settings.temperature());
        }
        if (settings.maxTokens() != null) {
            body.put("max_tokens", settings.maxTokens());
        }
        if (settings.json()) {
            body.put("response_format", new JsonObject().put("type", "json_object"));
        }
        if (settings.stream()) {
            // Without include_usage a stream reports no token counts, and the budget would run on
            // estimates alone. OpenAI, vLLM and Ollama honour it.
            body.put("stream", true).put("stream_options", new JsonObject().put("include_usage", true));
        }
        return body;
    }

    /**
     * The tokens a call is assumed to use before the API says: about four characters per prompt
     * token, plus the completion's limit.
     */
    long estimate(JsonArray messages) {
        long characters = 0;
        for (int i = 0; i < messages.size(); i++) {
            characters += messages.getJsonObject(i).getString("content").length();
        }
        int completion = settings.maxTokens() == null ? DEFAULT_COMPLETION_ESTIMATE : settings.maxTokens();
        return characters / 4 + 1 + completion;
    }

    private static JsonObject message(String role, String content) {
        return new JsonObject().put("role", role).put("content", content);
    }
}
