package io.sluice.processors.impl;

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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The option schemas, selected from the main schema by the {@code if}/{@code then} lines its {@code
 * $defs/route/properties/processors/items} is to carry (added here in memory, read from the schemas
 * module's sources), declare the options the factories read and reject what the factories reject.
 */
class ProcessorSchemasTest {

    private static final Path CONFIG_SCHEMAS = Path.of("../schemas/src/main/resources/io/sluice/schemas/config");
    /** The jetstream dedupe store's options; sluice-connector-nats checks them against the schema. */
    private static final Set<String> JETSTREAM_DEDUPE_OPTIONS = Set.of("bucket", "replicas");

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "filter", FilterProcessorFactory.OPTIONS,
            "transform", TransformProcessorFactory.OPTIONS,
            "template", TemplateProcessorFactory.OPTIONS,
            "dedupe", union(DedupeProcessorFactory.OPTIONS, MemoryDedupeStoreFactory.OPTIONS, JETSTREAM_DEDUPE_OPTIONS),
            "batch", BatchProcessorFactory.OPTIONS,
            "delay", DelayProcessorFactory.OPTIONS,
            "throttle", ThrottleProcessorFactory.OPTIONS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadTheMainSchemaWithTheProcessorLines() throws IOException {
        ObjectNode main = (ObjectNode)
                JSON.readTree(CONFIG_SCHEMAS.resolve("sluice.schema.json").toFile());
        ObjectNode items = (ObjectNode) main.at("/$defs/route/properties/processors/items");
        ArrayNode allOf = items.has("allOf") ? (ArrayNode) items.get("allOf") : items.putArray("allOf");
        for (String type : OPTIONS.keySet()) {
            allOf.add(JSON.readTree("{ \"if\": { \"properties\": { \"type\": { \"const\": \"" + type + "\" } } },"
                    + " \"then\": { \"$ref\": \"types/processor-" + type + ".schema.json\" } }"));
        }
        String base = CONFIG_SCHEMAS.toAbsolutePath().normalize().toUri().toString();
        schema = JsonSchemaFactory.getInstance(
                        SpecVersion.VersionFlag.V202012,
                        builder -> builder.schemaMappers(
                                mappers -> mappers.mapPrefix("https://sluice.io/schemas/config/", base)))
                .getSchema(main);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    private static Set<String> problems(String processor) throws IOException {
        JsonNode config = JSON.readTree("{\"dead-letter\": {\"type\": \"memory\"}, \"routes\": [{\"name\": \"r\","
                + " \"from\": \"a\", \"to\": \"b\", \"processors\": [" + processor + "]}]}");
        return schema.validate(config).stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void everySchemaDeclaresExactlyTheOptionsItsFactoryReads() throws IOException {
        for (Map.Entry<String, Set<String>> type : OPTIONS.entrySet()) {
            JsonNode properties = JSON.readTree(CONFIG_SCHEMAS
                            .resolve("types/processor-" + type.getKey() + ".schema.json")
                            .toFile())
                    .get("properties");
            Set<String> declared = new HashSet<>();
            properties.fieldNames().forEachRemaining(declared::add);
            declared.removeAll(Set.of("name", "type"));

            assertThat(declared).as(type.getKey()).isEqualTo(type.getValue());
        }
    }

    @Test
    void acceptsEveryProcessorWithItsOptions() throws IOException {
        String[] valid = {
            "{\"type\": \"filter\", \"condition\": \"data.paid\"}",
            "{\"type\": \"transform\", \"set\": {\"a.b\": \"1\", \"n\": 2}, \"event-type\": \"'x'\","
                    + " \"event-subject\": \"null\", \"keep-original\": true}",
            "{\"type\": \"template\", \"template-file\": \"t.mustache\", \"content-type\": \"text/html\"}",
            "{\"type\": \"template\", \"template\": \"x\", \"field\": \"mail.body\"}",
            "{\"type\": \"dedupe\", \"key\": \"data.id\", \"window\": \"10m\", \"max-entries\": 5}",
            "{\"type\": \"dedupe\", \"store\": \"memory\", \"max-entries\": 5}",
            "{\"type\": \"dedupe\", \"store\": \"jetstream\", \"bucket\": \"orders_2\", \"replicas\": 3,"
                    + " \"window\": \"2s\"}",
            "{\"type\": \"batch\", \"max-count\": 10, \"max-wait\": \"500ms\"}",
            "{\"type\": \"delay\", \"delay\": \"1s\"}",
            "{\"type\": \"throttle\", \"rate\": {\"limit\": 5, \"period\": \"1s\"}}",
            "{\"type\": \"uppercase\", \"anything\": \"custom types are not checked\"}"
        };

        for (String processor : valid) {
            assertThat(problems(processor)).as(processor).isEmpty();
        }
    }

    @Test
    void rejectsWhatTheFactoriesReject() throws IOException {
        assertThat(problems("{\"type\": \"filter\", \"conditon\": \"true\"}"))
                .anyMatch(message -> message.contains("conditon"))
                .anyMatch(message -> message.contains("condition"));
        assertThat(problems("{\"type\": \"transform\", \"keep-original\": true}"))
                .isNotEmpty();
        assertThat(problems("{\"type\": \"transform\", \"set\": {\"a..b\": \"1\"}}"))
                .anyMatch(message -> message.contains("a..b"));
        assertThat(problems("{\"type\": \"template\", \"template\": \"x\", \"template-file\": \"y\"}"))
                .isNotEmpty();
        assertThat(problems("{\"type\": \"template\", \"template\": \"x\", \"field\": \"a\", \"content-type\": \"t\"}"))
                .isNotEmpty();
        assertThat(problems("{\"type\": \"dedupe\", \"window\": \"soon\"}")).anyMatch(m -> m.contains("window"));
        assertThat(problems("{\"type\": \"dedupe\", \"store\": \"redis\"}")).anyMatch(m -> m.contains("store"));
        assertThat(problems("{\"type\": \"dedupe\", \"bucket\": \"b\"}")).anyMatch(m -> m.contains("bucket"));
        assertThat(problems("{\"type\": \"dedupe\", \"store\": \"jetstream\", \"max-entries\": 5}"))
                .anyMatch(m -> m.contains("max-entries"));
        assertThat(problems("{\"type\": \"dedupe\", \"store\": \"jetstream\", \"bucket\": \"a.b\"}"))
                .anyMatch(m -> m.contains("bucket"));
        assertThat(problems("{\"type\": \"batch\", \"max-count\": 0}")).anyMatch(m -> m.contains("max-count"));
        assertThat(problems("{\"type\": \"delay\"}")).anyMatch(message -> message.contains("delay"));
        assertThat(problems("{\"type\": \"throttle\", \"rate\": {\"limit\": 0}}"))
                .anyMatch(m -> m.contains("limit"));
    }
}
