package io.sluice.connector.webhook.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.sluice.connector.webhook.verify.SignatureScheme;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SchemeOptionsTest {

    private static ComponentConfig config(JsonObject options) {
        return ComponentConfig.of("h", "webhook", options.put("name", "h").put("type", "webhook"));
    }

    @Test
    void buildsEachSchemeByName() {
        JsonArray text = new JsonArray().add("It's a Secret to Everybody");

        SignatureScheme github = SchemeOptions.from(
                config(new JsonObject().put("scheme", "github").put("secrets", text)));
        SignatureScheme stripe = SchemeOptions.from(config(
                new JsonObject().put("scheme", "stripe").put("secrets", text).put("tolerance", "2m")));
        SignatureScheme standard = SchemeOptions.from(config(new JsonObject()
                .put("scheme", "standard-webhooks")
                .put("secrets", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")));
        SignatureScheme hmac = SchemeOptions.from(config(new JsonObject()
                .put("scheme", "hmac")
                .put("secrets", text)
                .put("header", "X-Shopify-Hmac-Sha256")
                .put("encoding", "base64")));
        SignatureScheme none = SchemeOptions.from(config(new JsonObject().put("scheme", "none")));

        assertThat(github.name()).isEqualTo("github");
        assertThat(stripe.name()).isEqualTo("stripe");
        assertThat(standard.name()).isEqualTo("standard-webhooks");
        assertThat(hmac.name()).isEqualTo("hmac");
        assertThat(none.name()).isEqualTo("none");
    }

    @Test
    void requiresAScheme() {
        assertThatThrownBy(() -> SchemeOptions.from(config(new JsonObject())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("scheme")
                .hasMessageContaining("is required");
    }

    @Test
    void requiresSecretsForASigningScheme() {
        assertThatThrownBy(() -> SchemeOptions.from(config(new JsonObject().put("scheme", "github"))))
                .hasMessageContaining("secrets")
                .hasMessageContaining("is required by scheme 'github'");
    }

    @Test
    void rejectsAnOptionTheSchemeDoesNotUse() {
        JsonObject options = new JsonObject()
                .put("scheme", "github")
                .put("secrets", new JsonArray().add("s"))
                .put("tolerance", "5m");

        assertThatThrownBy(() -> SchemeOptions.from(config(options)))
                .hasMessageContaining("tolerance")
                .hasMessageContaining("is not used by scheme 'github'");
    }

    @Test
    void namesTheHmacOptionTheLibraryRejected() {
        JsonObject options = new JsonObject()
                .put("scheme", "hmac")
                .put("secrets", new JsonArray().add("s"))
                .put("header", "X-Sig")
                .put("algorithm", "md5");

        assertThatThrownBy(() -> SchemeOptions.from(config(options)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/algorithm")
                .hasMessageContaining("HmacSHA256");
    }

    @Test
    void neverQuotesASecretThatIsNotBase64() {
        JsonObject options =
                new JsonObject().put("scheme", "standard-webhooks").put("secrets", "whsec_not*base64!secret");

        assertThatThrownBy(() -> SchemeOptions.from(config(options)))
                .hasMessageContaining("secrets")
                .message()
                .doesNotContain("not*base64!secret");
    }

    @Test
    void keepsASingleSecretWithACommaWhole() {
        JsonObject options = new JsonObject().put("scheme", "stripe").put("secrets", "whsec_a,b");

        assertThat(ConfiguredSecrets.read(config(options))).containsExactly("whsec_a,b");
    }
}
