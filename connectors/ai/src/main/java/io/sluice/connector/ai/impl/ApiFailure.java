package io.sluice.connector.ai.impl;

import io.sluice.pipeline.SinkException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A chat-completions API answered an error status. 408, 409, 429 and 5xx may pass later and carry
 * the wait the API asked for ({@code retry-after-ms}, which Azure sends, or {@code Retry-After} in
 * seconds or as an HTTP date); every other status is permanent. The message names the endpoint, the
 * model, the status and the API's own {@code error.message}.
 */
final class ApiFailure extends SinkException {

    private static final long serialVersionUID = 1L;

    private final int status;

    private ApiFailure(String message, int status, boolean retryable, Duration retryAfter) {
        super(message, null, retryable, retryAfter, 0);
        this.status = status;
    }

    static ApiFailure of(String endpoint, String model, int status, MultiMap headers, Buffer body) {
        boolean retryable = status == 408 || status == 409 || status == 429 || status >= 500;
        String message =
                "model API '" + endpoint + "' answered " + status + " for model '" + model + "': " + errorText(body);
        return new ApiFailure(message, status, retryable, retryable ? retryAfter(headers) : null);
    }

    int status() {
        return status;
    }

    /** The API's {@code error.message}, or the start of the body when it is not the usual shape. */
    private static String errorText(Buffer body) {
        if (body == null || body.length() == 0) {
            return "(no body)";
        }
        try {
            Object error = new JsonObject(body).getValue("error");
            if (error instanceof JsonObject && ((JsonObject) error).getString("message") != null) {
                return ((JsonObject) error).getString("message");
            }
            if (error instanceof String) {
                return (String) error;
            }
        } catch (RuntimeException notJson) {
            // Proxies answer HTML or plain text; the raw start of it says enough.
            return SseReader.abbreviate(body.toString());
        }
        return SseReader.abbreviate(body.toString());
    }

    static Duration retryAfter(MultiMap headers) {
        String millis = headers.get("retry-after-ms");
        if (millis != null && millis.trim().matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis((long) Double.parseDouble(millis.trim()));
        }
        String value = headers.get("Retry-After");
        if (value == null) {
            return null;
        }
        if (value.trim().matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        }
        try {
            Duration until = Duration.between(
                    ZonedDateTime.now(), ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
