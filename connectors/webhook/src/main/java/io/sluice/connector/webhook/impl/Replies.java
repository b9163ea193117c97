package io.sluice.connector.webhook.impl;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** Writes the small JSON answers of a journaled HTTP source. */
final class Replies {

    private static final String JSON = "application/json";

    private Replies() {}

    /** 200 once the delivery is in the journal; {@code duplicate} when it already was. */
    static void accepted(HttpServerRequest request, String id, boolean duplicate) {
        send(request, 200, new JsonObject().put("id", id).put("duplicate", duplicate));
    }

    /** The refusal's status with {@code {"error": reason, "message": …}}; 503 adds Retry-After. */
    static void refused(HttpServerRequest request, Refusal refusal, Duration retryAfter) {
        HttpServerResponse response = request.response();
        if (refusal.status() == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ceilSeconds(retryAfter))));
        }
        if (refusal.status() == 405) {
            response.putHeader(HttpHeaders.ALLOW, "POST");
        }
        if (!request.isEnded()) {
            // The body was not read (refused on its headers, or cut at the limit): close rather than
            // read the rest of it to keep the connection alive.
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        send(
                request,
                refusal.status(),
                new JsonObject().put("error", refusal.reason()).put("message", refusal.getMessage()));
    }

    private static void send(HttpServerRequest request, int status, JsonObject body) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body.toBuffer());
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}
