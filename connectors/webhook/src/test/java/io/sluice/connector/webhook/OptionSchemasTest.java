package io.sluice.connector.webhook;

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
 * The option schemas of both source types, selected from the main schema by the {@code if}/{@code
 * then} lines its {@code $defs/source/allOf} is to carry (added here in memory, read from the
 * schemas module's sources), accept what the factories accept and reject what they reject.
 */
class OptionSchemasTest {

    private static final Path CONFIG_SCHEMAS = Path.of("../../schemas/src/main/resources/io/sluice/schemas/config");
    private static final String[] SOURCE_LINES = {
        "{ \"if\": { \"properties\": { \"type\": { \"const\": \"webhook\" } } },"
                + " \"then\": { \"$ref\": \"types/source-webhook.schema.json\" } }",
        "{ \"if\": { \"properties\": { \"type\": { \"const\": \"supabase-webhook\" } } },"
                + " \"then\": { \"$ref\": \"types/source-supabase-webhook.schema.json\" } }"
    };
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadTheMainSchemaWithTheNewLines() throws IOException {
        ObjectNode main = (ObjectNode)
                JSON.readTree(CONFIG_SCHEMAS.resolve("sluice.schema.json").toFile());
        ArrayNode allOf = (ArrayNode) main.at("/$defs/source/allOf");
        for (String line : SOURCE_LINES) {
            allOf.add(JSON.readTree(line));
        }
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
    void acceptsAWebhookWithEveryOptionItsSchemeUses() throws IOException {
        String hmac = "{\"name\": \"shop\", \"type\": \"webhook\", \"scheme\": \"hmac\", \"secrets\": [\"a\", \"b\"],"
                + " \"header\": \"X-Shopify-Hmac-Sha256\", \"algorithm\": \"HmacSHA256\", \"encoding\": \"base64\","
                + " \"prefix\": \"\", \"id-header\": \"X-Shopify-Webhook-Id\", \"type-header\": \"X-Shopify-Topic\","
                + " \"path\": \"/hooks/shop\", \"body-limit\": \"256KiB\", \"content-types\": [\"application/json\"],"
                + " \"dedupe-window\": \"48h\", \"stream\": \"s\", \"subject\": \"x.y\", \"durable\": \"d\","
                + " \"max-inflight\": 8, \"ack-wait\": \"30s\", \"fetch-batch\": 10, \"fetch-wait\": \"1s\","
                + " \"retry-after\": \"10s\", \"max-pending\": 500, \"publish-timeout\": \"3s\"}";
        String stripe = "{\"name\": \"pay\", \"type\": \"webhook\", \"scheme\": \"stripe\", \"secrets\": \"whsec_x\","
                + " \"tolerance\": \"5m\"}";

        assertThat(problems(hmac)).isEmpty();
        assertThat(problems(stripe)).isEmpty();
    }

    @Test
    void rejectsAMisspeltOptionAMissingSchemeAndOptionsTheSchemeDoesNotUse() throws IOException {
        assertThat(problems("{\"name\": \"a\", \"type\": \"webhook\", \"scheme\": \"github\", \"secret\": \"s\"}"))
                .anyMatch(message -> message.contains("secret"));
        assertThat(problems("{\"name\": \"a\", \"type\": \"webhook\", \"secrets\": \"s\"}"))
                .anyMatch(message -> message.contains("scheme"));
        assertThat(problems("{\"name\": \"a\", \"type\": \"webhook\", \"scheme\": \"github\", \"secrets\": \"s\","
                        + " \"tolerance\": \"1m\"}"))
                .isNotEmpty();
        assertThat(problems("{\"name\": \"a\", \"type\": \"webhook\", \"scheme\": \"hmac\", \"secrets\": \"s\"}"))
                .anyMatch(message -> message.contains("header"));
        assertThat(problems("{\"name\": \"a\", \"type\": \"webhook\", \"scheme\": \"stripe\", \"secrets\": \"s\","
                        + " \"header\": \"X\"}"))
                .isNotEmpty();
    }

    @Test
    void acceptsASupabaseWebhookWithASecretAndRejectsAHeaderWithoutOne() throws IOException {
        assertThat(problems("{\"name\": \"db\", \"type\": \"supabase-webhook\"}"))
                .isEmpty();
        assertThat(problems("{\"name\": \"db\", \"type\": \"supabase-webhook\", \"secrets\": \"s\","
                        + " \"secret-header\": \"X-Webhook-Secret\", \"dedupe-window\": \"1m\"}"))
                .isEmpty();
        assertThat(problems("{\"name\": \"db\", \"type\": \"supabase-webhook\", \"secret-header\": \"X\"}"))
                .isNotEmpty();
        assertThat(problems("{\"name\": \"db\", \"type\": \"supabase-webhook\", \"scheme\": \"github\"}"))
                .anyMatch(message -> message.contains("scheme"));
    }
}
