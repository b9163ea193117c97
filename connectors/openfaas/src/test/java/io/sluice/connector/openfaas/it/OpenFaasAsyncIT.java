package io.sluice.connector.openfaas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.connector.openfaas.wire.QueueRequest;
import io.sluice.deadletter.DeadLetter;
import io.sluice.deadletter.DeadLetterStore.StoredLetter;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.TestServices;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenFaaS async invocations end to end: the real NATS JetStream server, Sluice's queue source,
 * front door, function and callback sinks, and a local HTTP server playing the gateway and the
 * callback receiver. Each test has its own stream, subject and durable.
 */
class OpenFaasAsyncIT {

    private Vertx vertx;
    private LocalGateway gateway;
    private HttpClient http;
    private Connection nats;
    private String queue;
    private Sluice sluice;
    private String allowedCallbacks = "127.0.0.0/8";

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        gateway = new LocalGateway(vertx);
        http = vertx.createHttpClient();
        nats = Nats.connect(TestServices.natsUrl());
        queue = "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (sluice != null) {
            Await.result(sluice.stop());
        }
        if (nats == null) {
            gateway.close();
            Await.result(vertx.close());
            return;
        }
        JetStreamManagement jsm = nats.jetStreamManagement();
        for (String stream : List.of(queue, queue + "-dlq")) {
            try {
                jsm.deleteStream(stream);
            } catch (Exception ignored) {
                // the test may not have created it
            }
        }
        nats.close();
        gateway.close();
        Await.result(vertx.close());
    }

    private Sluice start(String extraSourceOptions, String extraSinkOptions) {
        String yaml = String.join(
                "\n",
                "http: {port: 0, host: 127.0.0.1}",
                "admin: {port: 0, host: 127.0.0.1}",
                "nats: {url: '" + TestServices.natsUrl() + "'}",
                "shutdown-grace: 0s",
                "dead-letter: {type: jetstream, stream: " + queue + "-dlq, subject: " + queue + ".dlq}",
                "sources:",
                "  - {name: queue, type: openfaas-queue, stream: " + queue + ", subject: " + queue
                        + ", durable: workers, ack-wait: 2s, max-inflight: 8" + extraSourceOptions + "}",
                "  - {name: front-door, type: openfaas-async-http, stream: " + queue + ", subject: " + queue
                        + ", body-limit: 1KiB}",
                "sinks:",
                "  - {name: function, type: openfaas-function, gateway-url: '" + gateway.url() + "',"
                        + " concurrency: 8, max-retry-attempts: 2, initial-retry-wait: 50ms, max-retry-wait: 2s"
                        + extraSinkOptions + "}",
                "  - {name: callback, type: openfaas-callback, retry: {max-attempts: 3, initial-wait: 50ms},"
                        + " allowed-networks: [" + allowedCallbacks + "]}",
                "routes:",
                "  - {name: invoke, from: [queue], to: [function]}",
                "  - {name: callbacks, from: [function], to: [callback]}",
                "");
        sluice = Await.result(Sluice.start(
                vertx, new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse("it.yaml", yaml)));
        return sluice;
    }

    private HttpClientResponse post(String path, Map<String, String> headers, Buffer body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost("127.0.0.1")
                .setPort(sluice.publicPort())
                .setURI(path);
        headers.forEach(options::putHeader);
        return Await.result(http.request(options)
                .compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> resp)));
    }

    @Test
    void frontDoorInvocationReachesFunctionWithPathQueryAndHeadersThenCallsBack() {
        start("", "");
        gateway.function(
                "echo", req -> req.response().putHeader("X-Echo", "yes").end("hello back"));

        HttpClientResponse accepted = post(
                "/async-function/echo/a/b?id=7&x=y",
                Map.of(
                        "X-Custom",
                        "kept",
                        "X-Callback-Url",
                        gateway.callbackUrl("one"),
                        "Content-Type",
                        "text/plain",
                        "traceparent",
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                Buffer.buffer("hello"));

        assertThat(accepted.statusCode()).isEqualTo(202);
        String callId = accepted.getHeader("X-Call-Id");
        assertThat(callId).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.callbacks().size() == 1);
        LocalGateway.Received invocation = gateway.invocations("echo").get(0);
        assertThat(invocation.path()).isEqualTo("/function/echo/a/b");
        assertThat(invocation.query()).isEqualTo("id=7&x=y");
        assertThat(invocation.headers().get("X-Custom")).isEqualTo("kept");
        assertThat(invocation.headers().get("X-Call-Id")).isEqualTo(callId);
        assertThat(invocation.headers().get("X-Start-Time")).matches("\\d{18,}");
        assertThat(invocation.body().toString()).isEqualTo("hello");
        LocalGateway.Received callback = gateway.callbacks().get(0);
        assertThat(callback.path()).isEqualTo("/callback/one");
        assertThat(callback.body().toString()).isEqualTo("hello back");
        assertThat(callback.headers().get("X-Function-Status")).isEqualTo("200");
        assertThat(callback.headers().get("X-Function-Name")).isEqualTo("echo");
        assertThat(callback.headers().get("X-Call-Id")).isEqualTo(callId);
        assertThat(callback.headers().get("X-Echo")).isEqualTo("yes");
        assertThat(callback.headers().get("X-Retry")).isEqualTo("0");
        assertThat(callback.headers().get("X-Duration-Seconds")).matches("\\d+\\.\\d{6}");
        assertThat(invocation.headers().get("traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        assertThat(callback.headers().get("traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
    }

    @Test
    void aLoneInvocationIsHandedOnWithoutWaitingForItsPullToFillOrExpire() {
        // One pull asks for up to 50 messages and stays open 30 s; the one invocation must not wait
        // for the other 49 or for the pull to expire.
        start(", fetch-batch: 50, fetch-wait: 30s", "");
        gateway.function("echo", req -> req.response().end("ok"));

        HttpClientResponse accepted = post("/async-function/echo", Map.of(), Buffer.buffer("alone"));

        assertThat(accepted.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> gateway.invocations("echo").size() == 1);
    }

    @Test
    void bothQueueRequestFormsFromTheGatewayAreInvoked() throws Exception {
        start("", "");
        String pre2023 = "{\"Header\":{\"X-Call-Id\":[\"old-1\"]},\"Host\":\"gw:8080\",\"Body\":\"aGk=\","
                + "\"Method\":\"POST\",\"Path\":\"\",\"QueryString\":\"\",\"Function\":\"legacy\","
                + "\"QueueName\":\"\",\"CallbackUrl\":null}";
        byte[] current = QueueRequest.builder()
                .function("modern")
                .method("POST")
                .body("yo".getBytes())
                .addHeader("X-Call-Id", "new-1")
                .build()
                .encode();

        nats.jetStream().publish(queue, pre2023.getBytes(StandardCharsets.UTF_8));
        nats.jetStream().publish(queue, current);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> gateway.invocations("legacy").size() == 1
                        && gateway.invocations("modern").size() == 1);
        assertThat(gateway.invocations("legacy").get(0).body().toString()).isEqualTo("hi");
        assertThat(gateway.invocations("legacy").get(0).path()).isEqualTo("/function/legacy/");
        assertThat(gateway.invocations("modern").get(0).headers().get("X-Call-Id"))
                .isEqualTo("new-1");
    }

    @Test
    void functionOutlivingAckWaitIsInvokedOnceWithOneCallback() {
        start("", ", upstream-timeout: 30s");
        gateway.function(
                "slow", req -> vertx.setTimer(6_500, t -> req.response().end("done")));

        post("/async-function/slow", Map.of("X-Callback-Url", gateway.callbackUrl("slow")), Buffer.buffer("x"));

        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.callbacks().size() == 1);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> gateway.invocations("slow").size() == 1
                        && gateway.callbacks().size() == 1);
    }

    @Test
    void failingFunctionIsRetriedThenDeadLetteredAndTheCallbackReportsTheLastStatus() {
        start("", "");
        gateway.function("down", req -> req.response().setStatusCode(503).end("unavailable"));

        post("/async-function/down", Map.of("X-Callback-Url", gateway.callbackUrl("down")), Buffer.buffer("x"));

        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.callbacks().size() == 1);
        assertThat(gateway.invocations("down")).hasSize(3);
        LocalGateway.Received callback = gateway.callbacks().get(0);
        assertThat(callback.headers().get("X-Function-Status")).isEqualTo("503");
        assertThat(callback.headers().get("X-Retry")).isEqualTo("2");
        assertThat(callback.headers().get("X-Retry-Max")).isEqualTo("2");
        List<StoredLetter> letters = await().atMost(Duration.ofSeconds(5))
                .until(() -> Await.result(sluice.deadLetters().list(10)), l -> l.size() == 1);
        DeadLetter letter = letters.get(0).letter();
        assertThat(letter.cause()).contains("function 'down' answered 503 after 3 attempt(s)");
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.sink()).isEqualTo("function");
    }

    @Test
    void clientErrorsAreNotRetriedWhileTooManyRequestsWaitsForRetryAfter() {
        start("", "");
        gateway.function("bad", req -> req.response().setStatusCode(400).end("no"));
        AtomicInteger calls = new AtomicInteger();
        gateway.function("busy", req -> {
            if (calls.incrementAndGet() == 1) {
                req.response().setStatusCode(429).putHeader("Retry-After", "1").end();
            } else {
                req.response().end("ok");
            }
        });

        post("/async-function/bad", Map.of(), Buffer.buffer("x"));
        post("/async-function/busy", Map.of(), Buffer.buffer("x"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> gateway.invocations("busy").size() == 2);
        List<LocalGateway.Received> busy = gateway.invocations("busy");
        assertThat(Duration.ofNanos(busy.get(1).atNanos() - busy.get(0).atNanos()))
                .isGreaterThan(Duration.ofMillis(900));
        await().during(Duration.ofMillis(500))
                .until(() -> gateway.invocations("bad").size() == 1);
    }

    @Test
    void malformedMessagesAreDeadLetteredWithTheirCauseAndTheConsumerGoesOn() throws Exception {
        start("", "");

        nats.jetStream().publish(queue, "not json".getBytes(StandardCharsets.UTF_8));
        nats.jetStream().publish(queue, "{\"Function\":\"f\",\"Body\":\"%%%\"}".getBytes(StandardCharsets.UTF_8));
        nats.jetStream().publish(queue, "{\"Body\":\"aGk=\"}".getBytes(StandardCharsets.UTF_8));
        nats.jetStream()
                .publish(
                        queue,
                        QueueRequest.builder()
                                .function("after")
                                .method("POST")
                                .build()
                                .encode());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> gateway.invocations("after").size() == 1);
        List<StoredLetter> letters = await().atMost(Duration.ofSeconds(5))
                .until(() -> Await.result(sluice.deadLetters().list(10)), l -> l.size() == 3);
        assertThat(letters)
                .extracting(l -> l.letter().cause())
                .anySatisfy(c -> assertThat(c).containsIgnoringCase("json"))
                .anySatisfy(c -> assertThat(c).contains("Body"))
                .anySatisfy(c -> assertThat(c).contains("Function"));
        assertThat(letters)
                .allSatisfy(l -> assertThat(l.letter().event().type()).isEqualTo("io.sluice.undecodable"));
    }

    @Test
    void frontDoorRejectsOversizedBodiesAndBadCallbackUrlsClearly() {
        start("", "");

        HttpClientResponse tooLarge = post("/async-function/f", Map.of(), Buffer.buffer(new byte[2048]));
        HttpClientResponse badCallback =
                post("/async-function/f", Map.of("X-Callback-Url", "http://[::1"), Buffer.buffer("x"));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(Await.result(tooLarge.body()).toString()).contains("1024 bytes");
        assertThat(badCallback.statusCode()).isEqualTo(400);
        assertThat(Await.result(badCallback.body()).toString()).contains("X-Callback-Url");
    }

    @Test
    void everyAcceptedInvocationCompletesAfterSluiceIsStoppedMidFlightAndRestarted() {
        start("", ", upstream-timeout: 30s");
        AtomicInteger started = new AtomicInteger();
        gateway.function("work", req -> {
            started.incrementAndGet();
            vertx.setTimer(1_500, t -> req.response().end("done"));
        });
        for (int i = 0; i < 5; i++) {
            assertThat(post(
                                    "/async-function/work",
                                    Map.of("X-Callback-Url", gateway.callbackUrl("w" + i)),
                                    Buffer.buffer("job " + i))
                            .statusCode())
                    .isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() >= 3);

        Await.result(sluice.stop());
        sluice = null;
        start("", ", upstream-timeout: 30s");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.callbacks().stream()
                                .map(LocalGateway.Received::path)
                                .distinct()
                                .count()
                        == 5);
    }

    @Test
    void twoReplicasShareTheQueueAndTheSurvivorFinishesWhenOneStops() {
        Sluice first = start("", ", upstream-timeout: 30s");
        Sluice second = Await.result(Sluice.start(
                vertx,
                new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse("replica.yaml", replicaYaml())));
        gateway.function("share", req -> vertx.setTimer(200, t -> req.response().end("ok")));
        java.util.function.Supplier<Long> distinct = () -> gateway.invocations("share").stream()
                .map(r -> r.body().toString())
                .distinct()
                .count();

        for (int i = 0; i < 40; i++) {
            assertThat(post("/async-function/share", Map.of(), Buffer.buffer("job " + i))
                            .statusCode())
                    .isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> distinct.get() >= 10);
        Await.result(second.stop());

        await().atMost(Duration.ofSeconds(30)).until(() -> distinct.get() == 40);
        assertThat(processed(first)).isGreaterThan(0);
        assertThat(gateway.invocations("share").size() - 40)
                .as("a job is invoked twice only if the stopped replica held it unacknowledged")
                .isLessThanOrEqualTo(8);
    }

    private static long processed(Sluice sluice) {
        return sluice.metrics().getCounters().entrySet().stream()
                .filter(e -> e.getKey().startsWith("queue_worker_messages_processed_total"))
                .mapToLong(e -> e.getValue().getCount())
                .sum();
    }

    /** A second replica of {@link #start}'s configuration: same stream and durable, own ports. */
    private String replicaYaml() {
        return String.join(
                "\n",
                "http: {port: 0, host: 127.0.0.1}",
                "admin: {port: 0, host: 127.0.0.1}",
                "nats: {url: '" + TestServices.natsUrl() + "'}",
                "shutdown-grace: 0s",
                "dead-letter: {type: jetstream, stream: " + queue + "-dlq, subject: " + queue + ".dlq}",
                "sources:",
                "  - {name: queue, type: openfaas-queue, stream: " + queue + ", subject: " + queue
                        + ", durable: workers, ack-wait: 2s, max-inflight: 8}",
                "sinks:",
                "  - {name: function, type: openfaas-function, gateway-url: '" + gateway.url() + "',"
                        + " concurrency: 8, max-retry-attempts: 2, initial-retry-wait: 50ms, upstream-timeout: 30s}",
                "  - {name: callback, type: openfaas-callback}",
                "routes:",
                "  - {name: invoke, from: [queue], to: [function]}",
                "  - {name: callbacks, from: [function], to: [callback]}",
                "");
    }

    @Test
    void callbacksToLoopbackAreRefusedUnlessAllowedAndTheRefusalIsDeadLettered() {
        allowedCallbacks = "";
        start("", "");

        post("/async-function/echo", Map.of("X-Callback-Url", gateway.callbackUrl("internal")), Buffer.buffer("x"));

        List<StoredLetter> letters = await().atMost(Duration.ofSeconds(10))
                .until(() -> Await.result(sluice.deadLetters().list(10)), l -> l.size() == 1);
        assertThat(letters.get(0).letter().sink()).isEqualTo("callback");
        assertThat(letters.get(0).letter().cause()).contains("resolves to 127.0.0.1, in denied network 127.0.0.0/8");
        assertThat(gateway.invocations("echo")).hasSize(1);
        assertThat(gateway.callbacks()).isEmpty();
    }
}
