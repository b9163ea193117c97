package io.sluice.connector.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmailSettingsTest {

    private static JsonObject minimal() {
        return new JsonObject()
                .put("host", "smtp.example.com")
                .put("from", "shop@example.com")
                .put("to", "ops@example.com, oncall@example.com")
                .put("subject", "hi")
                .put("text", "body");
    }

    @Test
    void appliesDefaultsAndSplitsRecipients() {
        EmailSettings settings = EmailSettings.from(ComponentConfig.of("mail", "email", minimal()));

        assertThat(settings.port()).isEqualTo(25);
        assertThat(settings.starttls()).isEqualTo("optional");
        assertThat(settings.to()).containsExactly("ops@example.com", "oncall@example.com");
        assertThat(settings.poolSize()).isEqualTo(16);
        assertThat(settings.dedupe().bucket()).isEqualTo("sluice-email-sent");
        assertThat(settings.dedupe().ttl()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void requiresRecipientsFromToOrToField() {
        JsonObject options = minimal();
        options.remove("to");

        assertThatThrownBy(() -> EmailSettings.from(ComponentConfig.of("mail", "email", options)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("to")
                .hasMessageContaining("to-field");
    }

    @Test
    void requiresABody() {
        JsonObject options = minimal();
        options.remove("text");

        assertThatThrownBy(() -> EmailSettings.from(ComponentConfig.of("mail", "email", options)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("html");
    }

    @Test
    void rejectsAnUnknownStarttlsMode() {
        JsonObject options = minimal().put("starttls", "sometimes");

        assertThatThrownBy(() -> EmailSettings.from(ComponentConfig.of("mail", "email", options)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("starttls")
                .hasMessageContaining("disabled, optional, required");
    }

    @Test
    void rejectsAnUnknownDedupeOption() {
        JsonObject options = minimal().put("dedupe", new JsonObject().put("buckett", "x"));

        assertThatThrownBy(() -> EmailSettings.from(ComponentConfig.of("mail", "email", options)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("buckett");
    }

    @Test
    void neverShowsThePassword() {
        JsonObject options = minimal().put("username", "shop").put("password", "s3cret-value");

        String shown =
                EmailSettings.from(ComponentConfig.of("mail", "email", options)).toString();

        assertThat(shown).contains("'shop'").doesNotContain("s3cret-value");
    }
}
