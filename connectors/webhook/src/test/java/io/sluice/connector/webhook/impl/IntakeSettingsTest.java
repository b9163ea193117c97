package io.sluice.connector.webhook.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.ComponentConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntakeSettingsTest {

    private static IntakeSettings read(JsonObject options) {
        return IntakeSettings.from(
                ComponentConfig.of("github", "webhook", options.put("name", "github")), "hooks", Duration.ofHours(24));
    }

    @Test
    void defaultsPutEveryHookInTheSharedStreamUnderItsOwnSubject() {
        IntakeSettings settings = read(new JsonObject());

        assertThat(settings.path()).isEqualTo("/hooks/github");
        assertThat(settings.bodyLimit()).isEqualTo(1024 * 1024);
        assertThat(settings.contentTypes()).isEmpty();
        assertThat(settings.dedupeWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.pull().stream()).isEqualTo("sluice-hooks");
        assertThat(settings.pull().subject()).isEqualTo("sluice.hooks.github");
        assertThat(settings.pull().durable()).isEqualTo("sluice-hooks-github");
        assertThat(settings.pull().createStream()).isFalse();
        assertThat(settings.captured()).isEqualTo("sluice.hooks.>");
    }

    @Test
    void aStreamOfItsOwnCapturesOnlyTheSubject() {
        IntakeSettings settings = read(new JsonObject().put("stream", "gh").put("subject", "sluice.hooks.github"));

        assertThat(settings.captured()).isEqualTo("sluice.hooks.github");
    }

    @Test
    void contentTypesAreComparedAsLowerCaseMediaTypes() {
        IntakeSettings settings =
                read(new JsonObject().put("content-types", new JsonArray().add("Application/JSON; charset=utf-8")));

        assertThat(settings.contentTypes()).containsExactly("application/json");
        assertThat(IntakeSettings.mediaType("application/json;charset=UTF-8")).isEqualTo("application/json");
    }

    @Test
    void rejectsAPathTheRouterWouldReadAsAPattern() {
        assertThatThrownBy(() -> read(new JsonObject().put("path", "/hooks/:name")))
                .hasMessageContaining("/path")
                .hasMessageContaining("without ':' or '*'");
    }
}
