package io.sluice.connector.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AiSettingsTest {

    private static JsonObject minimal() {
        return new JsonObject()
                .put("base-url", "https://api.openai.com/")
                .put("model", "gpt-4o-mini")
                .put("prompt", "{{data.text}}");
    }

    private static AiSettings settings(JsonObject options) {
        return AiSettings.from(ComponentConfig.of("ask", "ai", options));
    }

    @Test
    void defaultsToTheOpenAiPathAndBearerAuth() {
        AiSettings settings = settings(minimal());

        assertThat(settings.endpoint()).isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(settings.authHeader()).isEqualTo("bearer");
        assertThat(settings.stream()).isFalse();
        assertThat(settings.json()).isFalse();
        assertThat(settings.maxAttempts()).isEqualTo(5);
    }

    @Test
    void readsTheCoreRetryAttemptsForTheFallbackRule() {
        AiSettings settings = settings(minimal().put("retry", new JsonObject().put("max-attempts", 3)));

        assertThat(settings.maxAttempts()).isEqualTo(3);
    }

    @Test
    void rejectsABaseUrlWithoutHttpScheme() {
        assertThatThrownBy(() -> settings(minimal().put("base-url", "api.openai.com")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("base-url");
    }

    @Test
    void rejectsATemperatureOutOfRange() {
        assertThatThrownBy(() -> settings(minimal().put("temperature", 3.5)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("temperature")
                .hasMessageContaining("between 0 and 2");
    }

    @Test
    void rejectsAnUnknownResponseFormat() {
        assertThatThrownBy(() -> settings(minimal().put("response-format", "yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("response-format");
    }

    @Test
    void neverShowsTheApiKey() {
        String shown = settings(minimal().put("api-key", "sk-live-abcdef")).toString();

        assertThat(shown).contains("api.openai.com").doesNotContain("sk-live-abcdef");
    }
}
