package io.sluice.connector.cron;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code type: cron} option schema, selected from the main schema by the {@code if}/{@code then}
 * line its {@code $defs/source/allOf} is to carry (added here in memory, read from the schemas
 * module's sources), accepts what the factory accepts and flags what editors can catch.
 */
class OptionSchemaTest {

    private static final Path CONFIG_SCHEMAS = Path.of("../../schemas/src/main/resources/io/sluice/schemas/config");
    private static final String SOURCE_LINE = "{ \"if\": { \"properties\": { \"type\": { \"const\": \"cron\" } } },"
            + " \"then\": { \"$ref\": \"types/source-cron.schema.json\" } }";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadTheMainSchemaWithTheNewLine() throws IOException {
        ObjectNode main = (ObjectNode)
                JSON.readTree(CONFIG_SCHEMAS.resolve("sluice.schema.json").toFile());
        ((ArrayNode) main.at("/$defs/source/allOf")).add(JSON.readTree(SOURCE_LINE));
        String base = CONFIG_SCHEMAS.toAbsolutePath().normalize().toUri().toString();
        schema = JsonSchemaFactory.getInstance(
                        SpecVersion.VersionFlag.V202012,
                        builder -> builder.schemaMappers(
                                mappers -> mappers.mapPrefix("https://sluice.io/schemas/config/", base)))
                .getSchema(main);
    }

    private static Set<String> problems(String source) throws IOException {
        JsonNode config = JSON.readTree("{\"dead-letter\": {\"type\": \"memory\"}, \"sources\": [" + source + "]}");
        return schema.validate(config).stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void acceptsEveryOptionAndEachDescriptor() throws IOException {
        String full = "{\"name\": \"nightly\", \"type\": \"cron\", \"schedule\": \"0 3 * * MON-FRI\","
                + " \"time-zone\": \"Europe/Berlin\", \"event-type\": \"com.example.due\", \"data\": {\"a\": 1},"
                + " \"catch-up\": false, \"stream\": \"s\", \"subject\": \"s.nightly\", \"durable\": \"d\","
                + " \"max-inflight\": 2, \"ack-wait\": \"5m\", \"fetch-batch\": 10, \"fetch-wait\": \"1s\"}";

        assertThat(problems(full)).isEmpty();
        for (String descriptor :
                Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")) {
            assertThat(problems("{\"name\": \"n\", \"type\": \"cron\", \"schedule\": \"" + descriptor + "\"}"))
                    .as(descriptor)
                    .isEmpty();
        }
    }

    @Test
    void flagsAMissingOrMisshapenScheduleCatchUpAndMisspeltOptions() throws IOException {
        assertThat(problems("{\"name\": \"n\", \"type\": \"cron\"}")).anyMatch(m -> m.contains("schedule"));
        assertThat(problems("{\"name\": \"n\", \"type\": \"cron\", \"schedule\": \"@every 5m\"}"))
                .isNotEmpty();
        assertThat(problems("{\"name\": \"n\", \"type\": \"cron\", \"schedule\": \"* * *\"}"))
                .isNotEmpty();
        assertThat(problems("{\"name\": \"n\", \"type\": \"cron\", \"schedule\": \"@daily\", \"catch-up\": true}"))
                .isNotEmpty();
        assertThat(problems("{\"name\": \"n\", \"type\": \"cron\", \"schedule\": \"@daily\", \"timezone\": \"UTC\"}"))
                .anyMatch(m -> m.contains("timezone"));
        assertThat(problems("{\"name\": \"n\", \"type\": \"cron\", \"schedule\": \"@daily\", \"data\": [1]}"))
                .isNotEmpty();
    }
}
