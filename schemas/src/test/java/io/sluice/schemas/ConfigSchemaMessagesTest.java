package io.sluice.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sluice reports a failed {@code oneOf} or {@code anyOf} of its configuration schema by the
 * schema's own {@code message} for it, and leaves out what each alternative failed on: so each
 * must carry one, or a user would see nothing at all about that choice.
 */
class ConfigSchemaMessagesTest {

    private static final Path CONFIG = Path.of("src/main/resources/io/sluice/schemas/config");

    @Test
    void everyChoiceInTheConfigSchemasSaysWhatItWants() throws IOException {
        List<String> silent = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CONFIG)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                collectSilent(new ObjectMapper().readTree(file.toFile()), CONFIG.relativize(file) + "#", silent);
            }
        }

        assertThat(silent).as("oneOf/anyOf without a message").isEmpty();
    }

    private static void collectSilent(JsonNode node, String at, List<String> silent) {
        if (node.isObject()) {
            for (String choice : List.of("oneOf", "anyOf")) {
                if (node.has(choice) && !node.path("message").path(choice).isTextual()) {
                    silent.add(at + "/" + choice);
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("message")) {
                    continue; // the messages themselves, keyed by the keyword they stand for
                }
                collectSilent(field.getValue(), at + "/" + field.getKey(), silent);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSilent(node.get(i), at + "/" + i, silent);
            }
        }
    }
}
