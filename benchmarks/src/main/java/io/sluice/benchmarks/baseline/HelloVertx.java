package io.sluice.benchmarks.baseline;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * The startup scenario's baseline: the smallest Vert.x process that can be ready, an HTTP server on
 * 127.0.0.1 answering 200 to every request (so {@code /health/ready} too). Runs until killed.
 *
 * <p>Usage: {@code java -cp <classpath> io.sluice.benchmarks.baseline.HelloVertx <port>}
 */
public final class HelloVertx {

    private HelloVertx() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        vertx.createHttpServer()
                .requestHandler(request -> request.response().end("ok"))
                .listen(port, "127.0.0.1")
                .await(30, TimeUnit.SECONDS);
    }
}
