import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's stand-in for an OpenFaaS gateway with two functions, and a callback receiver; it then
 * sends async invocations to Sluice's /async-function front door and prints what the callbacks
 * received. JDK only, run with `java DemoGateway.java`; scripts/demo.sh drives it. With the argument
 * {@code serve} it only plays the gateway and prints the callbacks, for Sluice replicas started by hand
 * (README, "More replicas").
 *
 * <ul>
 *   <li>{@code shout}: answers the body upper-cased;
 *   <li>{@code flaky}: answers 503 twice, then succeeds — Sluice retries it.
 * </ul>
 */
public class DemoGateway {

    public static void main(String[] args) throws Exception {
        int gatewayPort = Integer.parseInt(env("DEMO_GATEWAY_PORT", "18080"));
        String sluice = "http://127.0.0.1:" + env("SLUICE_HTTP_PORT", "8090");
        String admin = "http://127.0.0.1:" + env("SLUICE_ADMIN_PORT", "8091");
        BlockingQueue<String> callbacks = new LinkedBlockingQueue<>();
        AtomicInteger flakyCalls = new AtomicInteger();

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", gatewayPort), 64);
        server.createContext("/function/shout", ex -> {
            String body = read(ex);
            log("gateway: POST " + ex.getRequestURI() + " X-Call-Id=" + ex.getRequestHeaders().getFirst("X-Call-Id"));
            reply(ex, 200, body.toUpperCase(Locale.ROOT) + "!", Map.of("X-Shouted", "yes"));
        });
        server.createContext("/function/flaky", ex -> {
            read(ex);
            int call = flakyCalls.incrementAndGet();
            log("gateway: POST " + ex.getRequestURI() + " (call " + call + ")" + (call <= 2 ? " -> 503" : " -> 200"));
            reply(ex, call <= 2 ? 503 : 200, call <= 2 ? "not yet" : "worked on call " + call, Map.of());
        });
        server.createContext("/callback", ex -> {
            String body = read(ex);
            var h = ex.getRequestHeaders();
            callbacks.add(String.format("callback %s: status=%s function=%s call-id=%s retries=%s/%s duration=%ss body=%s",
                    ex.getRequestURI().getPath(), h.getFirst("X-Function-Status"), h.getFirst("X-Function-Name"),
                    h.getFirst("X-Call-Id"), h.getFirst("X-Retry"), h.getFirst("X-Retry-Max"),
                    h.getFirst("X-Duration-Seconds"), body));
            reply(ex, 200, "", Map.of());
        });
        server.start();
        log("gateway: functions 'shout' and 'flaky' and a callback receiver on 127.0.0.1:" + gatewayPort);
        if (args.length > 0 && args[0].equals("serve")) {
            while (true) {
                log(callbacks.take());
            }
        }

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        awaitReady(client, admin + "/health/ready");
        String callback = "http://127.0.0.1:" + gatewayPort + "/callback";
        List<String[]> calls = List.of(
                new String[] {"/async-function/shout", "hello from sluice", callback + "/1"},
                new String[] {"/async-function/shout/sub/path?lang=en", "paths and queries survive", callback + "/2"},
                new String[] {"/async-function/flaky", "retry me", callback + "/3"});
        for (String[] call : calls) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(sluice + call[0]))
                            .header("X-Callback-Url", call[2])
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString(call[1]))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            log("client: POST " + call[0] + " -> " + response.statusCode() + " X-Call-Id="
                    + response.headers().firstValue("X-Call-Id").orElse("-"));
        }
        int received = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (received < calls.size() && System.nanoTime() < deadline) {
            String line = callbacks.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                log(line);
                received++;
            }
        }
        HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create(admin + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        log("metrics (selected lines of " + admin + "/metrics):");
        metrics.body().lines()
                .filter(l -> l.startsWith("sluice_function_invocations_total")
                        || l.startsWith("sluice_async_requests_total")
                        || l.startsWith("queue_worker_messages_processed_total")
                        || l.startsWith("sluice_source_settled_total"))
                .forEach(l -> log("  " + l));
        server.stop(0);
        if (received < calls.size()) {
            log("only " + received + " of " + calls.size() + " callbacks arrived within 90 s");
            System.exit(1);
        }
        log("demo: all " + received + " async invocations completed and called back");
    }

    private static void awaitReady(HttpClient client, String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    log("sluice: ready (" + url + ")");
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Sluice was not ready at " + url + " within 60 s");
    }

    private static String read(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange ex, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "text/plain");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static void log(String line) {
        System.out.println(line);
    }
}
