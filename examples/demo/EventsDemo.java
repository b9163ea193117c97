import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The second demo's peers, JDK only: a stand-in OpenFaaS gateway with functions {@code on-order}
 * and {@code on-push}, a stand-in OpenAI-compatible chat-completions API, and a bare SMTP receiver
 * that prints what it is sent. It inserts an order into PostgreSQL (with psql) and sends a signed
 * GitHub webhook to Sluice, then waits for the function calls and the email. scripts/demo.sh
 * events drives it.
 */
public class EventsDemo {

    private static final BlockingQueue<String> SEEN = new LinkedBlockingQueue<>();

    public static void main(String[] args) throws Exception {
        int gatewayPort = Integer.parseInt(env("DEMO_GATEWAY_PORT", "18080"));
        int smtpPort = Integer.parseInt(env("SMTP_PORT", "2525"));
        String sluice = "http://127.0.0.1:" + env("SLUICE_HTTP_PORT", "8090");
        String admin = "http://127.0.0.1:" + env("SLUICE_ADMIN_PORT", "8091");

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", gatewayPort), 64);
        server.createContext("/function/on-order", ex -> {
            String body = read(ex);
            log("function on-order: X-Event-Action=" + ex.getRequestHeaders().getFirst("X-Event-Action")
                    + " X-Event-Table=" + ex.getRequestHeaders().getFirst("X-Event-Table") + " body=" + body);
            String id = field(body, "id");
            String customer = field(body, "customer");
            String total = field(body, "total");
            reply(ex, 200, "application/json", "{\"order_id\":" + id + ",\"customer\":\"" + customer
                    + "\",\"total\":" + total + ",\"status\":\"accepted\"}");
            SEEN.add("on-order");
        });
        server.createContext("/function/on-push", ex -> {
            String body = read(ex);
            log("function on-push: X-GitHub-Event=" + ex.getRequestHeaders().getFirst("X-GitHub-Event")
                    + " body=" + body);
            reply(ex, 200, "text/plain", "ok");
            SEEN.add("on-push");
        });
        server.createContext("/v1/chat/completions", ex -> {
            String body = read(ex);
            Matcher prompt = Pattern.compile("Summarise: ([^\"]*)\"").matcher(body);
            String summary = prompt.find() ? "New order: " + prompt.group(1) : "New order.";
            log("chat-completions API: asked to summarise; answering \"" + summary + "\"");
            reply(ex, 200, "application/json", "{\"id\":\"chatcmpl-demo\",\"object\":\"chat.completion\","
                    + "\"model\":\"demo\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                    + summary + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":30,"
                    + "\"completion_tokens\":12,\"total_tokens\":42}}");
        });
        server.start();
        Thread smtp = new Thread(() -> smtp(smtpPort), "smtp");
        smtp.setDaemon(true);
        smtp.start();
        log("peers: gateway and chat API on 127.0.0.1:" + gatewayPort + ", SMTP on 127.0.0.1:" + smtpPort);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        awaitReady(client, admin + "/health/ready");

        insertOrder();
        sendSignedWebhook(client, sluice + "/hooks/github", env("GITHUB_WEBHOOK_SECRET", "change-me"));

        int expected = 3;
        int seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (seen < expected && System.nanoTime() < deadline) {
            if (SEEN.poll(1, TimeUnit.SECONDS) != null) {
                seen++;
            }
        }
        server.stop(0);
        if (seen < expected) {
            log("only " + seen + " of " + expected + " outcomes (on-order, on-push, email) arrived within 90 s");
            System.exit(1);
        }
        log("demo: the row reached its function and was emailed as an AI summary; the webhook reached its function");
    }

    private static void insertOrder() throws IOException, InterruptedException {
        String sql = "insert into demo_orders(customer, total) values ('Ada', 250.00)";
        Process psql = new ProcessBuilder("psql", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql).inheritIO().start();
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql could not insert the order");
        }
        log("postgres: " + sql);
    }

    private static void sendSignedWebhook(HttpClient client, String url, String secret) throws Exception {
        String body = "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"acme/shop\"},"
                + "\"pusher\":{\"name\":\"ada\"},\"commits\":[{\"id\":\"1\"},{\"id\":\"2\"}]}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("X-GitHub-Event", "push")
                        .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                        .header("X-Hub-Signature-256", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        log("client: signed GitHub push webhook -> " + response.statusCode() + " " + response.body());
    }

    /** A bare SMTP receiver: enough of RFC 5321 to accept a message and print it. */
    private static void smtp(int port) {
        try (ServerSocket listener = new ServerSocket(port, 16, java.net.InetAddress.getLoopbackAddress())) {
            while (true) {
                try (Socket socket = listener.accept()) {
                    session(socket);
                }
            }
        } catch (IOException e) {
            log("smtp: stopped: " + e.getMessage());
        }
    }

    private static void session(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        send(out, "220 demo ESMTP");
        StringBuilder message = new StringBuilder();
        boolean data = false;
        String line;
        while ((line = in.readLine()) != null) {
            if (data) {
                if (line.equals(".")) {
                    data = false;
                    log("smtp: received an email:\n" + message.toString().indent(4));
                    SEEN.add("email");
                    send(out, "250 OK queued");
                } else {
                    message.append(line).append('\n');
                }
                continue;
            }
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (verb) {
                case "EHLO", "HELO" -> send(out, "250 demo");
                case "DATA" -> {
                    data = true;
                    send(out, "354 end with .");
                }
                case "QUIT" -> {
                    send(out, "221 bye");
                    return;
                }
                default -> send(out, "250 OK");
            }
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private static void awaitReady(HttpClient client, String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
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
        throw new IllegalStateException("Sluice was not ready at " + url + " within 90 s");
    }

    private static String read(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
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
