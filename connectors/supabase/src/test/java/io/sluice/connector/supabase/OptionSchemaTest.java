package io.sluice.connector.supabase;

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
 * The option schema, selected from the main schema by the {@code if}/{@code then} line its {@code
 * $defs/source/allOf} is to carry (added here in memory, read from the schemas module's sources),
 * accepts what the factory accepts and rejects a misspelt option.
 */
class OptionSchemaTest {

    private static final Path CONFIG_SCHEMAS = Path.of("../../schemas/src/main/resources/io/sluice/schemas/config");
    private static final String SOURCE_LINE =
            "{ \"if\": { \"properties\": { \"type\": { \"const\": \"supabase-realtime\""
                    + " } } }, \"then\": { \"$ref\": \"types/source-supabase-realtime.schema.json\" } }";
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
    void acceptsASourceWithEveryOption() throws IOException {
        String full = "{\"name\": \"rt\", \"type\": \"supabase-realtime\","
                + " \"url\": \"wss://abc.supabase.co/realtime/v1/websocket\", \"apikey\": \"k\", \"vsn\": \"1.0.0\","
                + " \"topic\": \"realtime:orders\", \"changes\": [{\"event\": \"insert\", \"schema\": \"public\","
                + " \"table\": \"orders\", \"filter\": \"id=gt.10\"}, {\"table\": \"users\"}],"
                + " \"access-token-file\": \"/var/run/jwt\", \"heartbeat-interval\": \"25s\","
                + " \"reconnect-backoff\": [\"1s\", \"2s\", \"5s\", \"10s\"], \"join-timeout\": \"10s\","
                + " \"max-buffer\": 1000}";

        assertThat(problems(full)).isEmpty();
    }

    @Test
    void rejectsAMisspeltOptionAMissingChangesAndAnUnknownEvent() throws IOException {
        String base = "\"name\": \"rt\", \"type\": \"supabase-realtime\", \"url\": \"ws://h:4000/socket/websocket\","
                + " \"apikey\": \"k\"";

        assertThat(problems("{" + base + ", \"changes\": [{\"table\": \"t\"}], \"api-key\": \"k\"}"))
                .anyMatch(message -> message.contains("api-key"));
        assertThat(problems("{" + base + "}")).anyMatch(message -> message.contains("changes"));
        assertThat(problems("{" + base + ", \"changes\": [{\"event\": \"TRUNCATE\"}]}"))
                .isNotEmpty();
        assertThat(problems("{" + base + ", \"changes\": [{\"table\": \"t\", \"tabel\": \"t\"}]}"))
                .anyMatch(message -> message.contains("tabel"));
    }
}
