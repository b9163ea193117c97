package io.sluice.connector.email.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.sluice.connector.email.EmailSettings;
import io.sluice.event.Event;
import io.sluice.pipeline.SinkException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailMessage;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private static MailComposer composer(JsonObject options) {
        ComponentConfig config = ComponentConfig.of("mail", "email", options);
        return MailComposer.compile(EmailSettings.from(config), config);
    }

    private static JsonObject options() {
        return new JsonObject()
                .put("host", "smtp.example.com")
                .put("from", "shop@example.com")
                .put("to-field", "customer.emails")
                .put("subject", "{{data.item}} for {{data.customer.name}}")
                .put("text", "{{#data.lines}}- {{.}}\n{{/data.lines}}")
                .put("html", "<b>{{data.customer.name}}</b>");
    }

    private static Event event(JsonObject data) {
        return Event.builder()
                .id("e1")
                .source("/shop")
                .type("shop.order")
                .data(data)
                .build();
    }

    @Test
    void rendersTextUnescapedAndHtmlEscaped() {
        JsonObject data = new JsonObject()
                .put("item", "Tea & cake")
                .put("lines", new JsonArray().add("one").add("two"))
                .put("customer", new JsonObject().put("name", "<Ada>").put("emails", "ada@example.com"));

        MailMessage message = composer(options()).compose(event(data), "<k@sluice>");

        assertThat(message.getSubject()).isEqualTo("Tea & cake for <Ada>");
        assertThat(message.getText()).isEqualTo("- one\n- two\n");
        assertThat(message.getHtml()).isEqualTo("<b>&lt;Ada&gt;</b>");
        assertThat(message.getHeaders().get("Message-ID")).isEqualTo("<k@sluice>");
    }

    @Test
    void takesRecipientsFromAListOrACommaSeparatedField() {
        JsonObject listed = new JsonObject()
                .put(
                        "customer",
                        new JsonObject()
                                .put("emails", new JsonArray().add("a@x.org").add("b@x.org")));
        JsonObject commas = new JsonObject().put("customer", new JsonObject().put("emails", "a@x.org, b@x.org"));
        MailComposer composer = composer(options().put("to", "ops@x.org"));

        MailMessage fromList = composer.compose(event(listed), "<k@sluice>");
        MailMessage fromCommas = composer.compose(event(commas), "<k@sluice>");

        assertThat(fromList.getTo()).containsExactly("ops@x.org", "a@x.org", "b@x.org");
        assertThat(fromCommas.getTo()).containsExactly("ops@x.org", "a@x.org", "b@x.org");
    }

    @Test
    void eventWithoutRecipientsFailsPermanently() {
        MailComposer composer = composer(options());

        assertThatThrownBy(() -> composer.compose(event(new JsonObject()), "<k@sluice>"))
                .isInstanceOfSatisfying(
                        SinkException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("customer.emails");
    }

    @Test
    void templateThatDoesNotCompileIsAConfigErrorNamingTheKey() {
        JsonObject options = options().put("subject", "{{#open}} never closed");

        assertThatThrownBy(() -> composer(options))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void partialsAreRefusedSoTemplatesCannotReadFiles() {
        JsonObject options = options().put("text", "{{> /etc/passwd}}");

        assertThatThrownBy(() -> composer(options))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("text");
    }
}
