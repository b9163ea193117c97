package io.sluice.connector.webhook.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body as raw bytes, up to a limit.
 *
 * <p>Not Vert.x Web's {@code BodyHandler}: it keeps no {@code multipart/form-data} body, whose
 * bytes a signature may cover, and its 413 carries no message. A declared {@code Content-Length}
 * over the limit is refused before a byte is read; a chunked body as soon as it crosses the limit.
 */
final class RawBody {

    private RawBody() {}

    /** Fails with a 413 {@link Refusal} naming the limit when the body is larger. */
    static Future<Buffer> read(HttpServerRequest request, long limit) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > limit) {
            return Future.failedFuture(tooLarge(declared + " bytes", limit));
        }
        Promise<Buffer> promise = Promise.promise();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (promise.future().isComplete()) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                promise.tryFail(tooLarge("more than " + limit + " bytes", limit));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> promise.tryComplete(body));
        request.exceptionHandler(promise::tryFail);
        // The router may have paused the request until a handler reads it.
        request.resume();
        return promise.future();
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            // Netty rejects a malformed Content-Length before we see it; read the body and let the
            // streaming check decide.
            return -1;
        }
    }

    private static Refusal tooLarge(String size, long limit) {
        return Refusal.tooLarge("body of " + size + " is over the limit of " + limit + " bytes (body-limit)");
    }
}
