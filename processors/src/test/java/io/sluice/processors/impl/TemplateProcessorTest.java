package io.sluice.processors.impl;

import static io.sluice.processors.OptionChecks.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.event.Event;
import io.sluice.event.Headers;
import io.sluice.pipeline.Outcome;
import io.sluice.processors.PipelineFixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateProcessorTest extends PipelineFixture {

    private static String pipeline(String id, String processor) {
        return "sources: [{name: " + id + "-in, type: manual}]\n"
                + "sinks: [{name: " + id + "-out, type: scripted}]\n"
                + "routes:\n"
                + "  - name: " + id + "\n"
                + "    from: " + id + "-in\n"
                + "    to: " + id + "-out\n"
                + "    processors:\n"
                + processor;
    }

    private static Event order(String id) {
        return event(id, "{\"customer\": \"Ada & Co\", \"items\": [{\"sku\": \"A-1\"}, {\"sku\": \"B-2\"}]}")
                .toBuilder()
                .subject("orders/42")
                .headers(Headers.builder().add("X-Channel", "web").build())
                .build();
    }

    @Test
    void rendersAttributesHeadersAndDataAsTheNewTextData() {
        start(
                "template-text",
                pipeline(
                        "tt",
                        "      - type: template\n"
                                + "        template: \"{{type}} {{subject}} via {{headers.x-channel}}"
                                + " for {{data.customer}}:{{#data.items}} {{sku}}{{/data.items}}\"\n"));

        Outcome outcome = settle("tt-in", order("t-1"));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        Event out = received("tt-out").get(0);
        assertThat(out.dataContentType()).isEqualTo("text/plain");
        assertThat(out.data().toString()).isEqualTo("test.event orders/42 via web for Ada & Co: A-1 B-2");
    }

    @Test
    void escapesValuesForTheContentType() {
        start(
                "template-json",
                pipeline(
                        "tj",
                        "      - type: template\n"
                                + "        content-type: application/json\n"
                                + "        template: '{\"text\": \"{{data.note}}\"}'\n"));

        settle("tj-in", event("t-2", "{\"note\": \"say \\\"hi\\\"\\n<b>\"}"));

        Event out = received("tj-out").get(0);
        assertThat(out.dataContentType()).isEqualTo("application/json");
        assertThat(out.dataAsJson().getString("text")).isEqualTo("say \"hi\"\n<b>");
    }

    @Test
    void writesIntoAFieldOfJsonDataKeepingTheRest() {
        start(
                "template-field",
                pipeline("tf", "      - {type: template, field: mail.body, template: 'Dear {{data.customer}}'}\n"));

        settle("tf-in", order("t-3"));

        JsonObject data = received("tf-out").get(0).dataAsJson();
        assertThat(data.getString("customer")).isEqualTo("Ada & Co");
        assertThat(data.getJsonObject("mail").getString("body")).isEqualTo("Dear Ada & Co");
    }

    @Test
    void readsTheTemplateFileBesideTheConfiguration(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("receipt.mustache"), "Receipt for {{data.customer}}");
        Path file = dir.resolve("template-file.yaml");
        String text = "http: {port: 0, host: 127.0.0.1}\nadmin: {port: 0, host: 127.0.0.1}\n"
                + "dead-letter: {type: memory, name: template-file}\n"
                + pipeline("tfile", "      - {type: template, template-file: receipt.mustache}\n");

        start(new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse(file.toString(), text));
        settle("tfile-in", order("t-4"));

        assertThat(received("tfile-out").get(0).data().toString()).isEqualTo("Receipt for Ada & Co");
    }

    @Test
    void fieldOnDataThatIsNotJsonDeadLettersTheEvent() {
        start("template-fail", pipeline("tx", "      - {type: template, field: body, template: 'x'}\n"));
        Event text = event("t-5", "").toBuilder()
                .dataContentType("text/plain")
                .data(Buffer.buffer("plain words"))
                .build();

        Outcome outcome = settle("tx-in", text);

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(deadLetters().get(0).cause())
                .isEqualTo("field 'body' needs the data to be a JSON object, but it is not JSON");
    }

    @Test
    void unreadableFilesAndInvalidTemplatesAreRejectedByName() {
        Throwable missingFile = startFailure(
                "template-bad2", pipeline("tb2", "      - {type: template, template-file: /nowhere/x.mustache}\n"));
        Throwable unclosed = startFailure(
                "template-bad3", pipeline("tb3", "      - {type: template, template: '{{#data}} open'}\n"));

        assertThat(missingFile).hasMessageContaining("/routes/0/processors/0/template-file: cannot be read");
        assertThat(unclosed).hasMessageContaining("/routes/0/processors/0/template: is not a valid Mustache template");
    }

    @Test
    void conflictingOptionsAreRejectedByName() {
        TemplateProcessorFactory factory = new TemplateProcessorFactory();

        assertRejects(factory, "{\"template\": \"x\", \"template-file\": \"y\"}")
                .hasMessageContaining("/template: give exactly one of template and template-file");
        assertRejects(factory, "{}").hasMessageContaining("/template: give exactly one of template and template-file");
        assertRejects(factory, "{\"template\": \"x\", \"field\": \"a\", \"content-type\": \"text/html\"}")
                .hasMessageContaining("/content-type: cannot be combined with field");
    }
}
