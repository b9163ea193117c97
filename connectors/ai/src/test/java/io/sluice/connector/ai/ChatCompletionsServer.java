package io.sluice.connector.ai;

import io.sluice.testing.Await;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A protocol-faithful stand-in for an LLM API: a Vert.x HTTP server on 127.0.0.1 speaking the
 * OpenAI chat-completions wire format that OpenAI, Azure OpenAI, Ollama, vLLM and LM Studio share
 * ({@code POST .../chat/completions} with {@code model} and {@code messages}; a {@code
 * chat.completion} object with {@code choices[0].message.content} and {@code usage}; with {@code
 * "stream": true}, {@code text/event-stream} chunks carrying {@code choices[0].delta.content}, a
 * usage chunk and {@code data: [DONE]}; errors as {@code {"error": {"message", "type", "code"}}}).
 * No model runs here: the test scripts each answer, including 429 with {@code Retry-After}, 5xx and
 * a request that is never answered.
 */
final class ChatCompletionsServer {

    /** One request as received. */
    record Request(long atMillis, String path, String query, MultiMap headers, JsonObject body) {
        String model() {
            return body.getString("model");
        }
    }

    /** How the server answers a request. */
    @FunctionalInterface
    interface Answer {
        void answer(Request request, HttpServerResponse response);
    }

    private final HttpServer server;
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Queue<Answer> next = new ConcurrentLinkedQueue<>();
    private volatile Answer otherwise = completion("hello", 30);

    private ChatCompletionsServer(HttpServer server) {
        this.server = server;
    }

    static ChatCompletionsServer start(Vertx vertx) {
        HttpServer http = vertx.createHttpServer();
        ChatCompletionsServer stand = new ChatCompletionsServer(http);
        http.requestHandler(request -> request.body().onSuccess(body -> {
            Request received = new Request(
                    System.currentTimeMillis(),
                    request.path(),
                    request.query(),
                    request.headers(),
                    body.toJsonObject());
            stand.requests.add(received);
            Answer answer = stand.next.poll();
            (answer == null ? stand.otherwise : answer).answer(received, request.response());
        }));
        Await.result(http.listen(0, "127.0.0.1"));
        return stand;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Answers the next requests with these, in order, then as {@link #otherwise}. */
    void thenAnswer(Answer... answers) {
        next.addAll(List.of(answers));
    }

    /** Answers every request not scripted by {@link #thenAnswer}. */
    void otherwise(Answer answer) {
        this.otherwise = answer;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A {@code chat.completion} with the content and a usage of {@code totalTokens}. */
    static Answer completion(String content, int totalTokens) {
        return (request, response) -> response.putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("id", "chatcmpl-" + System.nanoTime())
                        .put("object", "chat.completion")
                        .put("created", System.currentTimeMillis() / 1000)
                        .put("model", request.model())
                        .put(
                                "choices",
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put("index", 0)
                                                .put(
                                                        "message",
                                                        new JsonObject()
                                                                .put("role", "assistant")
                                                                .put("content", content))
                                                .put("finish_reason", "stop")))
                        .put("usage", usage(totalTokens))
                        .encode());
    }

    /** A streamed completion: one chunk per piece, a usage chunk, then {@code [DONE]}. */
    static Answer stream(int totalTokens, String... pieces) {
        return (request, response) -> {
            response.setChunked(true).putHeader("Content-Type", "text/event-stream");
            response.write(": keep-alive\n\n");
            for (String piece : pieces) {
                response.write("data: " + chunk(request, new JsonObject().put("content", piece), null) + "\n\n");
            }
            response.write("data: " + chunk(request, new JsonObject(), "stop") + "\n\n");
            response.write("data: "
                    + new JsonObject()
                            .put("object", "chat.completion.chunk")
                            .put("model", request.model())
                            .put("choices", new JsonArray())
                            .put("usage", usage(totalTokens))
                            .encode()
                    + "\n\n");
            response.end("data: [DONE]\n\n");
        };
    }

    /** An error status with the API's error object; {@code retryAfter} may be {@code null}. */
    static Answer status(int status, String message, String retryAfter) {
        return (request, response) -> {
            if (retryAfter != null) {
                response.putHeader("Retry-After", retryAfter);
            }
            response.setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject()
                            .put(
                                    "error",
                                    new JsonObject()
                                            .put("message", message)
                                            .put("type", "api_error")
                                            .put("code", status))
                            .encode());
        };
    }

    /** Never answers: the client's timeout must act. */
    static Answer hang() {
        return (request, response) -> {};
    }

    private static String chunk(Request request, JsonObject delta, String finishReason) {
        return new JsonObject()
                .put("object", "chat.completion.chunk")
                .put("model", request.model())
                .put(
                        "choices",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("index", 0)
                                        .put("delta", delta)
                                        .put("finish_reason", finishReason)))
                .encode();
    }

    private static JsonObject usage(int total) {
        return new JsonObject()
                .put("prompt_tokens", total / 3)
                .put("completion_tokens", total - total / 3)
                .put("total_tokens", total);
    }
}
