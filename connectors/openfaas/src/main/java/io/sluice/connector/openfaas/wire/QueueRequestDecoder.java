package io.sluice.connector.openfaas.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@link QueueRequest} with Jackson's streaming parser, field by field, so that every
 * error can name the field and the position it was found at.
 *
 * <p>Mirrors Go's {@code encoding/json}: keys match case-insensitively, unknown keys are skipped,
 * {@code null} leaves a field at its zero value.
 */
final class QueueRequestDecoder {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonParser parser;
    private final QueueRequestBuilder builder = QueueRequest.builder().method("");

    private QueueRequestDecoder(JsonParser parser) {
        this.parser = parser;
    }

    static QueueRequest decode(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return new QueueRequestDecoder(parser).readRequest();
        } catch (StreamConstraintsException e) {
            // Jackson's size limits (20M characters per string by default) guard against hostile input.
            throw new QueueRequestException(
                    "invalid QueueRequest: exceeds a parser limit: " + e.getOriginalMessage(), null, e);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new QueueRequestException(
                    "invalid QueueRequest: not JSON: " + e.getOriginalMessage() + at(where), null, e);
        } catch (IOException e) {
            // A parser over a byte array does no I/O; anything else it reports is still bad input.
            throw new QueueRequestException("invalid QueueRequest: " + e.getMessage(), null, e);
        }
    }

    private QueueRequest readRequest() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new QueueRequestException("invalid QueueRequest: empty input", null, null);
        }
        if (first == JsonToken.START_OBJECT) {
            readFields();
        } else if (first != JsonToken.VALUE_NULL) {
            throw fail(null, "must be a JSON object, found " + describe(first));
        }
        if (parser.nextToken() != null) {
            throw fail(null, "has content after the JSON value");
        }
        if (builder.function.isEmpty()) {
            throw new QueueRequestException("invalid QueueRequest: Function is missing or empty", "Function", null);
        }
        return builder.callbackTarget(resolveCallback()).build();
    }

    private void readFields() throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            readField(QueueRequestField.forKey(key));
        }
    }

    private void readField(QueueRequestField field) throws IOException {
        switch (field) {
            case HEADER -> readHeaders();
            case HOST -> builder.host(readString("Host"));
            case BODY -> builder.body = readBody();
            case METHOD -> builder.method(readString("Method"));
            case PATH -> builder.path(readString("Path"));
            case QUERY_STRING -> builder.queryString(readString("QueryString"));
            case FUNCTION -> builder.function(readString("Function"));
            case QUEUE_NAME -> builder.queueName(readString("QueueName"));
            case ANNOTATIONS -> builder.annotations(readStringMap("Annotations"));
            case LABELS -> builder.labels(readStringMap("Labels"));
            case ENVIRONMENT -> builder.environment(readStringMap("Environment"));
            case CALLBACK_URL -> builder.callbackWire(new GoUrlJsonReader(this).read());
            default -> parser.skipChildren();
        }
    }

    private void readHeaders() throws IOException {
        if (nullOrObject("Header")) {
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String label = "Header[\"" + name + "\"]";
            JsonToken values = parser.nextToken();
            if (values == JsonToken.VALUE_NULL) {
                continue;
            }
            if (values != JsonToken.START_ARRAY) {
                throw fail(label, "must be an array of strings, found " + describe(values));
            }
            for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                builder.addHeader(name, readString(label + "[" + i + "]"));
            }
        }
    }

    private byte[] readBody() throws IOException {
        String text = readString("Body");
        try {
            return GoBase64.decode(text);
        } catch (IllegalArgumentException e) {
            throw fail("Body", "is not standard base64 with padding (" + e.getMessage() + ")");
        }
    }

    private Map<String, String> readStringMap(String label) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        if (nullOrObject(label)) {
            return map;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            map.put(key, readString(label + "[\"" + key + "\"]"));
        }
        return map;
    }

    private CallbackTarget resolveCallback() {
        try {
            return CallbackTarget.resolve(builder.callbackWire, builder.firstHeader(HeaderNames.CALLBACK_URL));
        } catch (IllegalArgumentException e) {
            String label = "Header[\"" + HeaderNames.CALLBACK_URL + "\"]";
            throw new QueueRequestException(
                    "invalid QueueRequest: there is no CallbackUrl and " + label + " is not a valid URL: "
                            + e.getMessage(),
                    label,
                    e);
        }
    }

    /** Reads the current string token; {@code null} reads as {@code ""}, as in Go. */
    String readString(String label) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return "";
        }
        if (token != JsonToken.VALUE_STRING) {
            throw fail(label, "must be a string, found " + describe(token));
        }
        return parser.getText();
    }

    /** Reads the current boolean token; {@code null} reads as {@code false}, as in Go. */
    boolean readBoolean(String label) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        if (token != JsonToken.VALUE_NULL) {
            throw fail(label, "must be true or false, found " + describe(token));
        }
        return false;
    }

    /**
     * @return {@code true} when the current token is {@code null}; {@code false} when it starts an
     *     object
     * @throws QueueRequestException when it is anything else
     */
    boolean nullOrObject(String label) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return true;
        }
        if (token != JsonToken.START_OBJECT) {
            throw fail(label, "must be an object, found " + describe(token));
        }
        return false;
    }

    JsonParser parser() {
        return parser;
    }

    QueueRequestException fail(String label, String problem) {
        String subject = label == null ? "" : label + " ";
        return new QueueRequestException(
                "invalid QueueRequest: " + subject + problem + at(parser.currentTokenLocation()), label, null);
    }

    private static String at(JsonLocation where) {
        if (where == null || where.getLineNr() < 0) {
            return "";
        }
        return " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
