package io.sluice.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.sluice.event.Event;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class EventTemplatesTest {

    private static final ComponentConfig CONFIG = ComponentConfig.of("tpl", "test", new JsonObject());

    private static Event event(Buffer data) {
        return Event.builder()
                .id("e1")
                .source("/shop")
                .type("shop.order")
                .data(data)
                .build();
    }

    private static Event order() {
        JsonObject data = new JsonObject()
                .put("item", "<Tea & cake>")
                .put("lines", new JsonArray().add("one").add("two"));
        return event(data.toBuffer());
    }

    @Test
    void plainTextRendersEnvelopeAndDataUnescaped() {
        EventTemplate template =
                EventTemplates.plainText().compile(CONFIG, "prompt", "{{id}} {{type}} {{source}}: {{data.item}}");

        String text = template.render(EventTemplates.scope(order()));

        assertThat(text).isEqualTo("e1 shop.order /shop: <Tea & cake>");
    }

    @Test
    void htmlEscapesDoubleBracesButNotTripleBraces() {
        EventTemplate template = EventTemplates.html().compile(CONFIG, "html", "{{data.item}}|{{{data.item}}}");

        String html = template.render(EventTemplates.scope(order()));

        assertThat(html).isEqualTo("&lt;Tea &amp; cake&gt;|<Tea & cake>");
    }

    @Test
    void iteratesJsonArraysAsLists() {
        EventTemplate template =
                EventTemplates.plainText().compile(CONFIG, "text", "{{#data.lines}}-{{.}}{{/data.lines}}");

        String text = template.render(EventTemplates.scope(order()));

        assertThat(text).isEqualTo("-one-two");
    }

    @Test
    void dataThatIsNotJsonIsSeenAsText() {
        Event event = event(Buffer.buffer("not { json"));

        Object data = EventTemplates.data(event);

        assertThat(data).isEqualTo("not { json");
    }

    @Test
    void emptyDataIsSeenAsNothing() {
        Object data = EventTemplates.data(event(Buffer.buffer()));

        assertThat(data).isNull();
    }

    @Test
    void noTextCompilesToNoTemplate() {
        EventTemplate template = EventTemplates.plainText().compile(CONFIG, "system", null);

        assertThat(template).isNull();
    }

    @Test
    void refusesPartialsNamingTheKey() {
        EventTemplates templates = EventTemplates.plainText();

        assertThatThrownBy(() -> templates.compile(CONFIG, "prompt", "{{> /etc/passwd}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("prompt");
    }
}
