package io.sluice.connector.openfaas.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The QueueRequest fixtures, read from the schemas module so that the schema test and these tests
 * share one source of truth. Paths are relative to this module's directory, where Surefire runs.
 */
final class Fixtures {

    private static final Path DIRECTORY =
            Path.of("../../schemas/src/main/resources/io/sluice/schemas/fixtures/openfaas");

    static final String PRE_2023 = "queue-request-pre-2023.json";
    static final String CURRENT = "queue-request-current.json";
    static final String MISSING_FUNCTION = "queue-request-invalid-missing-function.json";

    private Fixtures() {}

    /** The fixture's bytes, without the trailing newline the editor adds. */
    static byte[] bytes(String name) {
        try {
            String text = Files.readString(DIRECTORY.resolve(name), StandardCharsets.UTF_8);
            return text.stripTrailing().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + name, e);
        }
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
