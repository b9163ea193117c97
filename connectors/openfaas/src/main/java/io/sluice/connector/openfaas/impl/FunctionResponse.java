package io.sluice.connector.openfaas.impl;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;

/**
 * What one invocation returned. A transport error (refused, reset, timed out) is status 503 with
 * no headers and an empty body, as the queue-worker reports it.
 */
record FunctionResponse(int status, MultiMap headers, Buffer body, Duration duration, String error) {

    static FunctionResponse transportError(Duration duration, Throwable cause) {
        return new FunctionResponse(
                503,
                MultiMap.caseInsensitiveMultiMap(),
                Buffer.buffer(),
                duration,
                cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
