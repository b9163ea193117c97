package io.sluice.connector.ai;

import static io.sluice.connector.ai.ChatCompletionsServer.completion;
import static io.sluice.connector.ai.ChatCompletionsServer.hang;
import static io.sluice.connector.ai.ChatCompletionsServer.status;
import static io.sluice.connector.ai.ChatCompletionsServer.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.connector.ai.ChatCompletionsServer.Request;
import io.sluice.deadletter.DeadLetter;
import io.sluice.event.Event;
import io.sluice.pipeline.Outcome;
import io.sluice.pipeline.SourceContext;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ManualSourceFactory;
import io.sluice.testing.MemoryDeadLetterStoreFactory;
import io.sluice.testing.ScriptedSinkFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AI sink inside a running Sluice, against {@link ChatCompletionsServer}, a protocol-faithful
 * stand-in for an LLM API. Each pipeline is {@code manual source -> ai sink -> scripted sink}, the
 * last fed by the AI sink's replies.
 */
class AiSinkTest {

    private Vertx vertx;
    private ChatCompletionsServer api;
    private Sluice sluice;

    @BeforeEach
    void startApi() {
        vertx = Vertx.vertx();
        api = ChatCompletionsServer.start(vertx);
    }

    @AfterEach
    void stop() {
        if (sluice != null) {
            Await.result(sluice.stop());
        }
        Await.result(vertx.close());
    }

    /** Starts {@code <name>-in -> <name>-ai -> <name>-out} asking small-model. */
    private SourceContext start(String name, String options) {
        return start(name, "small-model", options);
    }

    /** Starts {@code <name>-in -> <name>-ai -> <name>-out}; {@code options} are extra sink lines. */
    private SourceContext start(String name, String model, String options) {
        String yaml = "http: {port: 0, host: 127.0.0.1}\n"
                + "admin: {port: 0, host: 127.0.0.1}\n"
                + "dead-letter: {type: memory, name: " + name + "}\n"
                + "sources: [{name: " + name + "-in, type: manual}]\n"
                + "sinks:\n"
                + "  - name: " + name + "-ai\n"
                + "    type: ai\n"
                + "    base-url: " + api.baseUrl() + "\n"
                + "    model: " + model + "\n"
                + "    prompt: 'Summarise: {{data.text}}'\n"
                + options
                + "  - {name: " + name + "-out, type: scripted}\n"
                + "routes:\n"
                + "  - {name: " + name + "-ask, from: " + name + "-in, to: " + name + "-ai}\n"
                + "  - {name: " + name + "-onward, from: " + name + "-ai, to: " + name + "-out}\n";
        sluice = Await.result(Sluice.start(
                vertx, new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse(name + ".yaml", yaml)));
        return ManualSourceFactory.context(name + "-in");
    }

    private static Event ticket(String id) {
        return Event.builder()
                .id(id)
                .source("/helpdesk")
                .type("helpdesk.ticket.created")
                .subject("ticket-" + id)
                .data(new JsonObject().put("text", "printer on fire"))
                .build();
    }

    private static List<Long> gaps(List<Request> requests) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add(requests.get(i).atMillis() - requests.get(i - 1).atMillis());
        }
        return gaps;
    }

    @Test
    void completionIsRoutedOnwardAsAnEventWithItsSource() {
        api.otherwise(completion("Printer fire, send help.", 42));
        SourceContext source = start(
                "onward",
                "    api-key: sk-test-123\n"
                        + "    system: 'You triage {{type}} events.'\n"
                        + "    temperature: 0.2\n"
                        + "    max-tokens: 64\n");

        Outcome outcome = Await.result(source.dispatch(ticket("7")));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        Event reply = ScriptedSinkFactory.sink("onward-out").received().get(0);
        assertThat(reply.type()).isEqualTo(Completions.TYPE);
        assertThat(reply.subject()).isEqualTo("ticket-7");
        JsonObject data = reply.dataAsJson();
        assertThat(data.getString("model")).isEqualTo("small-model");
        assertThat(data.getString("content")).isEqualTo("Printer fire, send help.");
        assertThat(data.getJsonObject("usage").getInteger("total_tokens")).isEqualTo(42);
        assertThat(data.getJsonObject("source-event").getMap())
                .containsEntry("id", "7")
                .containsEntry("type", "helpdesk.ticket.created")
                .containsEntry("source", "/helpdesk");
        Request request = api.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.headers().get("Authorization")).isEqualTo("Bearer sk-test-123");
        assertThat(request.body().getJsonArray("messages").encode())
                .isEqualTo("[{\"role\":\"system\",\"content\":\"You triage helpdesk.ticket.created events.\"},"
                        + "{\"role\":\"user\",\"content\":\"Summarise: printer on fire\"}]");
        assertThat(request.body().getDouble("temperature")).isEqualTo(0.2);
        assertThat(request.body().getInteger("max_tokens")).isEqualTo(64);
    }

    @Test
    void streamedAnswerIsAssembledFromChunksUntilDone() {
        api.otherwise(stream(17, "Prin", "ter ", "fire"));
        SourceContext source = start("stream", "    stream: true\n");

        Outcome outcome = Await.result(source.dispatch(ticket("8")));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        JsonObject data =
                ScriptedSinkFactory.sink("stream-out").received().get(0).dataAsJson();
        assertThat(data.getString("content")).isEqualTo("Printer fire");
        assertThat(data.getString("finish-reason")).isEqualTo("stop");
        assertThat(data.getJsonObject("usage").getInteger("total_tokens")).isEqualTo(17);
        JsonObject sent = api.requests().get(0).body();
        assertThat(sent.getBoolean("stream")).isTrue();
        assertThat(sent.getJsonObject("stream_options").getBoolean("include_usage"))
                .isTrue();
    }

    @Test
    void jsonModeAsksForAnObjectAndParsesTheAnswer() {
        api.otherwise(completion("{\"severity\": \"high\", \"team\": \"facilities\"}", 20));
        SourceContext source = start("json", "    response-format: json\n");

        Await.result(source.dispatch(ticket("9")));

        JsonObject data = ScriptedSinkFactory.sink("json-out").received().get(0).dataAsJson();
        assertThat(data.getJsonObject("parsed").getString("severity")).isEqualTo("high");
        assertThat(api.requests().get(0).body().getJsonObject("response_format").getString("type"))
                .isEqualTo("json_object");
    }

    @Test
    void azureStyleEndpointSendsApiKeyHeaderAndApiVersion() {
        SourceContext source = start(
                "azure",
                "    path: /openai/deployments/gpt-4o/chat/completions\n"
                        + "    api-version: 2024-06-01\n"
                        + "    api-key: azure-key-1\n"
                        + "    auth-header: api-key\n");

        Await.result(source.dispatch(ticket("10")));

        Request request = api.requests().get(0);
        assertThat(request.path()).isEqualTo("/openai/deployments/gpt-4o/chat/completions");
        assertThat(request.query()).isEqualTo("api-version=2024-06-01");
        assertThat(request.headers().get("api-key")).isEqualTo("azure-key-1");
        assertThat(request.headers().contains("Authorization")).isFalse();
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
        api.thenAnswer(status(429, "Rate limit reached for requests", "1"));
        SourceContext source = start("throttled", "    retry: {max-attempts: 3, initial-wait: 10ms}\n");

        Outcome outcome = Await.result(source.dispatch(ticket("11")));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        assertThat(api.requests()).hasSize(2);
        assertThat(gaps(api.requests()).get(0)).isGreaterThanOrEqualTo(950);
    }

    @Test
    void hungRequestTimesOutAndTheRetryIsAnswered() {
        api.thenAnswer(hang());
        SourceContext source = start("hung", "    timeout: 300ms\n    retry: {max-attempts: 3, initial-wait: 10ms}\n");

        Outcome outcome = Await.result(source.dispatch(ticket("12")));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        assertThat(api.requests()).hasSize(2);
        assertThat(ScriptedSinkFactory.sink("hung-out").received()).hasSize(1);
    }

    @Test
    void missingModelFallsBackAtOnceInTheSameAttempt() {
        api.otherwise((request, response) -> (request.model().equals("big-model")
                        ? status(404, "The model `big-model` does not exist", null)
                        : completion("from the small one", 10))
                .answer(request, response));
        SourceContext source = start("missing", "big-model", "    fallback-model: small-model\n");

        Outcome outcome = Await.result(source.dispatch(ticket("13")));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        assertThat(api.requests().stream().map(Request::model)).containsExactly("big-model", "small-model");
        assertThat(ScriptedSinkFactory.sink("missing-out")
                        .received()
                        .get(0)
                        .dataAsJson()
                        .getString("model"))
                .isEqualTo("small-model");
    }

    @Test
    void lastAttemptAsksTheFallbackAfterThePrimaryKeptFailing() {
        api.otherwise((request, response) -> (request.model().equals("big-model")
                        ? status(503, "The engine is currently overloaded", null)
                        : completion("from the small one", 10))
                .answer(request, response));
        SourceContext source = start(
                "exhausted",
                "big-model",
                "    fallback-model: small-model\n    retry: {max-attempts: 3, initial-wait: 10ms}\n");

        Outcome outcome = Await.result(source.dispatch(ticket("14")));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        assertThat(api.requests().stream().map(Request::model))
                .containsExactly("big-model", "big-model", "small-model");
    }

    @Test
    void badRequestIsDeadLetteredWithTheApiMessageAndWithoutTheKey() {
        api.otherwise(status(400, "This model's maximum context length is 8192 tokens", null));
        SourceContext source =
                start("bad", "    api-key: sk-secret-456\n    retry: {max-attempts: 5, initial-wait: 10ms}\n");

        Outcome outcome = Await.result(source.dispatch(ticket("15")));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(api.requests()).hasSize(1);
        DeadLetter letter = MemoryDeadLetterStoreFactory.store("bad").letters().get(0);
        assertThat(letter.cause())
                .contains("answered 400 for model 'small-model'")
                .contains("maximum context length is 8192 tokens")
                .doesNotContain("sk-secret-456");
        assertThat(letter.event().id()).isEqualTo("15");
    }

    @Test
    void tokensPerMinuteBudgetDelaysCallsWithoutDroppingThem() {
        // 600 tokens a minute is 10 a second; each call uses 300, so the first two spend the minute
        // and the third waits for its estimate (prompt/4 + max-tokens, about 25 tokens): ~2.5 s.
        api.otherwise(completion("ok", 300));
        SourceContext source = start("budget", "    tokens-per-minute: 600\n    max-tokens: 20\n    concurrency: 1\n");
        List<Future<Outcome>> settled = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            settled.add(source.dispatch(ticket("b" + i)));
        }

        settled.forEach(f -> assertThat(Await.result(f)).isEqualTo(Outcome.DELIVERED));
        List<Long> gaps = gaps(api.requests());
        assertThat(gaps.get(0)).isLessThan(1000);
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void requestsPerPeriodComeFromTheCoreRate() {
        SourceContext source = start("rpm", "    rate: {limit: 2, period: 1s}\n");
        List<Future<Outcome>> settled = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            settled.add(source.dispatch(ticket("r" + i)));
        }

        settled.forEach(f -> assertThat(Await.result(f)).isEqualTo(Outcome.DELIVERED));
        List<Request> requests = api.requests();
        // Six requests at two per period span at least three periods, so more than one second
        // passes between the first and the last whatever the phase of the limiter.
        assertThat(requests.get(5).atMillis() - requests.get(0).atMillis()).isGreaterThan(1000);
    }

    @Test
    void breakerOpensWhileTheApiFailsAndClosesOnceItRecovers() {
        api.otherwise(status(500, "internal error", null));
        SourceContext source = start(
                "breaker",
                "    retry: {max-attempts: 1000, initial-wait: 20ms, max-wait: 100ms}\n"
                        + "    circuit-breaker: {minimum-calls: 4, window: 4, open-wait: 500ms, half-open-calls: 1}\n");
        List<Future<Outcome>> settled = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            settled.add(source.dispatch(ticket("c" + i)));
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics().contains("sluice_sink_breaker_state{sink=\"breaker-ai\"} 1"));
        api.otherwise(completion("recovered", 5));

        settled.forEach(f -> assertThat(Await.result(f)).isEqualTo(Outcome.DELIVERED));
        assertThat(ScriptedSinkFactory.sink("breaker-out").received()).hasSize(4);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> metrics().contains("sluice_sink_breaker_state{sink=\"breaker-ai\"} 0"));
    }

    @Test
    void everyEventSettlesDeliveredOrDeadLetteredUnderMixedFailures() {
        int[] served = {0};
        api.otherwise((request, response) -> {
            int n = served[0]++;
            String prompt =
                    request.body().getJsonArray("messages").getJsonObject(0).getString("content");
            ChatCompletionsServer.Answer answer = prompt.contains("poison")
                    ? status(400, "invalid prompt", null)
                    : n % 3 == 0
                            ? status(502, "bad gateway", null)
                            : n % 5 == 0 ? status(429, "slow down", "0") : n % 7 == 0 ? hang() : completion("fine", 5);
            answer.answer(request, response);
        });
        SourceContext source = start(
                "mixed", "    timeout: 500ms\n    retry: {max-attempts: 20, initial-wait: 10ms, max-wait: 50ms}\n");
        List<Future<Outcome>> settled = new ArrayList<>();

        for (int i = 0; i < 30; i++) {
            String text = i % 6 == 0 ? "poison" : "fine";
            settled.add(source.dispatch(ticket("m" + i).toBuilder()
                    .data(new JsonObject().put("text", text))
                    .build()));
        }

        Map<Outcome, Long> outcomes =
                settled.stream().map(Await::result).collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        assertThat(outcomes).containsOnly(Map.entry(Outcome.DELIVERED, 25L), Map.entry(Outcome.DEAD_LETTERED, 5L));
        assertThat(ScriptedSinkFactory.sink("mixed-out").received().stream()
                        .map(e -> e.dataAsJson().getJsonObject("source-event").getString("id"))
                        .distinct())
                .hasSize(25);
        assertThat(MemoryDeadLetterStoreFactory.store("mixed").letters())
                .hasSize(5)
                .allSatisfy(letter -> assertThat(letter.cause()).contains("answered 400"));
    }

    private String metrics() {
        return Await.result(vertx.createHttpClient()
                        .request(HttpMethod.GET, sluice.adminPort(), "127.0.0.1", "/metrics")
                        .compose(request -> request.send())
                        .compose(response -> response.body()))
                .toString();
    }
}
