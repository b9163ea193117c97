package io.sluice.connector.ai.impl;

import io.sluice.connector.ai.AiSettings;
import io.sluice.pipeline.SinkException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * Posts chat-completion requests and reads the answer, whole or streamed. Failures come back as
 * {@link SinkException}s: {@link ApiFailure} for an error status, transient for a connection that
 * failed, hung past the idle timeout or ended a stream early.
 *
 * <p>The API key goes into one header and nowhere else: not into messages, not into logs.
 */
final class ChatClient {

    private final AiSettings settings;
    private final HttpClient http;
    private final String endpoint;

    ChatClient(Vertx vertx, AiSettings settings) {
        this.settings = settings;
        this.endpoint = settings.endpoint();
        this.http = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true))
                .with(new PoolOptions().setHttp1MaxSize(settings.concurrency()))
                .build();
    }

    /** Sends the request body (its {@code model} already set) and reads the completion. */
    Future<ChatResult> complete(JsonObject body) {
        String model = body.getString("model");
        return http.request(options())
                .compose(request -> request.send(body.toBuffer()))
                .compose(response -> read(response, model))
                .map(result -> result.model() == null ? result.answeredBy(model) : result)
                .recover(failure -> Future.failedFuture(
                        failure instanceof SinkException
                                ? failure
                                : SinkException.transientFailure(
                                        "model API '" + endpoint + "' failed for model '" + model + "': " + failure,
                                        null,
                                        failure)));
    }

    private RequestOptions options() {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(endpoint)
                // The core's timeout fails the send first; a second later the request itself is
                // reset, so a hung connection goes back to the pool instead of leaking.
                .setIdleTimeout(settings.timeout().toMillis() + 1000)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, settings.stream() ? "text/event-stream" : "application/json");
        if (settings.apiKey() != null) {
            if (settings.authHeader().equals("api-key")) {
                options.putHeader("api-key", settings.apiKey());
            } else {
                options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey());
            }
        }
        return options;
    }

    private Future<ChatResult> read(HttpClientResponse response, String model) {
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            return response.body()
                    .recover(unreadable -> Future.succeededFuture(null))
                    .compose(body ->
                            Future.failedFuture(ApiFailure.of(endpoint, model, status, response.headers(), body)));
        }
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        // Some servers ignore "stream": true and answer one JSON document; read what was sent.
        if (settings.stream() && type != null && type.startsWith("text/event-stream")) {
            return readStream(response, model);
        }
        return response.body().map(body -> {
            try {
                return ChatResult.fromCompletion(new JsonObject(body));
            } catch (RuntimeException e) {
                throw SinkException.transientFailure(
                        "model API '" + endpoint + "' answered a body that is not a chat completion for model '" + model
                                + "': " + e.getMessage(),
                        null,
                        e);
            }
        });
    }

    private Future<ChatResult> readStream(HttpClientResponse response, String model) {
        Promise<ChatResult> result = Promise.promise();
        SseReader reader = new SseReader();
        response.handler(chunk -> {
            try {
                reader.feed(chunk);
            } catch (IllegalStateException e) {
                result.tryFail(SinkException.transientFailure(
                        "model API '" + endpoint + "' streamed bad data for model '" + model + "': " + e.getMessage(),
                        null,
                        e));
                response.request().reset();
            }
        });
        response.exceptionHandler(result::tryFail);
        response.endHandler(end -> {
            if (reader.done()) {
                result.tryComplete(reader.result());
            } else {
                result.tryFail(SinkException.transientFailure(
                        "model API '" + endpoint + "' ended the stream for model '" + model + "' before [DONE]",
                        null,
                        null));
            }
        });
        return result.future();
    }

    Future<Void> close() {
        return http.close();
    }
}
