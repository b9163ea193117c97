package io.sluice.connector.webhook;

import io.sluice.testing.Await;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** Sends requests to Sluice's public listener the way a webhook sender would, from a test thread. */
final class HookClient {

    private final HttpClient client;
    private final int port;

    HookClient(Vertx vertx, int port) {
        this.client = vertx.createHttpClient();
        this.port = port;
    }

    /** An answer: status, headers and body text. */
    record Reply(int status, MultiMap headers, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    /** POSTs the bytes with a Content-Length, as curl --data-binary does. */
    Reply post(String path, Map<String, String> headers, byte[] body) {
        return Await.result(client.request(HttpMethod.POST, port, "127.0.0.1", path)
                .compose(request -> {
                    headers.forEach(request::putHeader);
                    return request.send(Buffer.buffer(body));
                })
                .compose(response -> response.body()
                        .map(text -> new Reply(response.statusCode(), response.headers(), text.toString()))));
    }

    /** POSTs the chunks with chunked transfer encoding and no Content-Length. */
    Reply postChunked(String path, Map<String, String> headers, List<byte[]> chunks) {
        return Await.result(client.request(HttpMethod.POST, port, "127.0.0.1", path)
                .compose(request -> {
                    headers.forEach(request::putHeader);
                    request.setChunked(true);
                    chunks.forEach(chunk -> write(request, chunk));
                    request.end();
                    return request.response();
                })
                .compose(response -> response.body()
                        .map(text -> new Reply(response.statusCode(), response.headers(), text.toString()))));
    }

    /** Sends a request with another method and no body. */
    Reply send(HttpMethod method, String path) {
        return Await.result(client.request(method, port, "127.0.0.1", path)
                .compose(request -> request.send())
                .compose(response -> response.body()
                        .map(text -> new Reply(response.statusCode(), response.headers(), text.toString()))));
    }

    private static void write(HttpClientRequest request, byte[] chunk) {
        request.write(Buffer.buffer(chunk));
    }
}
