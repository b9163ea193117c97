package io.sluice.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueRequestSchemaTest {

    private static final String SCHEMA = "io/sluice/schemas/openfaas/queue-request.schema.json";
    private static final String FIXTURES = "/io/sluice/schemas/fixtures/openfaas/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("classpath:" + SCHEMA));

    @Test
    void acceptsPre2023FormWithEveryKeyPresent() throws IOException {
        JsonNode request = fixture("queue-request-pre-2023.json");

        Set<ValidationMessage> errors = schema.validate(request);

        assertThat(errors).isEmpty();
    }

    @Test
    void acceptsCurrentFormWithEmptyKeysOmitted() throws IOException {
        JsonNode request = fixture("queue-request-current.json");

        Set<ValidationMessage> errors = schema.validate(request);

        assertThat(errors).isEmpty();
    }

    @Test
    void acceptsNullBodyAndNullCallbackUrl() throws IOException {
        JsonNode request =
                JSON.readTree("{\"Header\":null,\"Host\":\"\",\"Body\":null,\"Method\":\"POST\",\"Path\":\"\","
                        + "\"QueryString\":\"\",\"Function\":\"figlet\",\"QueueName\":\"\","
                        + "\"CallbackUrl\":null}");

        Set<ValidationMessage> errors = schema.validate(request);

        assertThat(errors).isEmpty();
    }

    @Test
    void rejectsRequestWithoutFunction() throws IOException {
        JsonNode request = fixture("queue-request-invalid-missing-function.json");

        Set<ValidationMessage> errors = schema.validate(request);

        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("Function"));
    }

    @Test
    void rejectsEmptyFunction() throws IOException {
        JsonNode request = JSON.readTree("{\"Method\":\"POST\",\"Function\":\"\"}");

        Set<ValidationMessage> errors = schema.validate(request);

        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("Function"));
    }

    @Test
    void rejectsBodyThatIsNotPaddedBase64() throws IOException {
        JsonNode request = JSON.readTree("{\"Function\":\"figlet\",\"Body\":\"SGkA/w\"}");

        Set<ValidationMessage> errors = schema.validate(request);

        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("Body"));
    }

    @Test
    void rejectsCallbackUrlGivenAsString() throws IOException {
        JsonNode request = JSON.readTree("{\"Function\":\"figlet\",\"CallbackUrl\":\"http://recv:8888/cb\"}");

        Set<ValidationMessage> errors = schema.validate(request);

        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("CallbackUrl"));
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = QueueRequestSchemaTest.class.getResourceAsStream(FIXTURES + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return JSON.readTree(in);
        }
    }
}
