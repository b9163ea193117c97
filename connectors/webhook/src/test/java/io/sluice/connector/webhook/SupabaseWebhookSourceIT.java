package io.sluice.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.event.Event;
import io.sluice.metrics.MetricNames;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ScriptedSinkFactory;
import io.sluice.testing.ScriptedSinkFactory.Scripted;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: supabase-webhook} end to end against the real NATS. No Supabase runs here: the
 * requests are built from the documented wire format (the body of {@code
 * supabase_functions.http_request}, {@code docker/volumes/db/webhooks.sql}), with the header a
 * user adds in the dashboard.
 */
class SupabaseWebhookSourceIT {

    private static final byte[] INSERT = ("{\"type\":\"INSERT\",\"table\":\"orders\",\"record\":{\"id\":7,"
                    + "\"total\":12.5,\"note\":null},\"schema\":\"public\",\"old_record\":null}")
            .getBytes(StandardCharsets.UTF_8);

    private Vertx vertx;
    private HookSluice kit;
    private Sluice sluice;
    private String hook;
    private String stream;
    private String sink;

    @BeforeEach
    void setUp(@TempDir Path secrets) {
        vertx = Vertx.vertx();
        kit = new HookSluice(vertx, secrets);
        kit.secret("db-hook", "s3cr3t,with-a-comma");
        hook = kit.id("db");
        stream = kit.id("sb");
        sink = kit.id("sink");
        sluice = kit.start("sources:\n"
                + "  - name: " + hook + "\n"
                + "    type: supabase-webhook\n"
                + "    secrets: ${secret:db-hook}\n"
                + "    stream: " + stream + "\n"
                + "    subject: test.supabase." + hook + "\n"
                + "sinks: [{name: " + sink + ", type: scripted}]\n"
                + "routes: [{name: " + kit.id("route") + ", from: " + hook + ", to: " + sink + "}]\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        Await.result(sluice.stop());
        Await.result(vertx.close());
        HookSluice.deleteStream(stream);
    }

    private HookClient.Reply post(String authorization, byte[] body) {
        Map<String, String> headers = authorization == null
                ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Authorization", authorization);
        return new HookClient(vertx, sluice.publicPort()).post("/supabase/" + hook, headers, body);
    }

    private long rejected(String reason) {
        return sluice.metrics()
                .counter(MetricNames.name("sluice_webhook_rejected_total", "hook", hook, "reason", reason))
                .getCount();
    }

    @Test
    void insertBecomesTheSharedChangeEventWithActionAndTableHeaders() {
        HookClient.Reply reply = post("Bearer s3cr3t,with-a-comma", INSERT);

        assertThat(reply.status()).isEqualTo(200);
        Scripted received = ScriptedSinkFactory.sink(sink);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.received().size() == 1);
        Event event = received.received().get(0);
        assertThat(event.type()).isEqualTo("io.sluice.db.change");
        assertThat(event.source()).isEqualTo("/supabase/" + hook);
        assertThat(event.subject()).isEqualTo("public.orders");
        assertThat(event.id()).isEqualTo(reply.json().getString("id")).hasSize(64);
        assertThat(event.headers().first("X-Event-Action")).isEqualTo("insert");
        assertThat(event.headers().first("X-Event-Table")).isEqualTo("orders");
        assertThat(event.headers().contains("Authorization")).isFalse();
        assertThat(event.dataAsJson())
                .isEqualTo(new JsonObject()
                        .put("type", "INSERT")
                        .put("table", "orders")
                        .put("schema", "public")
                        .put(
                                "record",
                                new JsonObject().put("id", 7).put("total", 12.5).putNull("note"))
                        .putNull("old_record")
                        .putNull("commit_timestamp")
                        .putNull("position")
                        .putNull("xid")
                        .putNull("columns")
                        .put("unchanged_toast", new JsonArray()));
    }

    @Test
    void theSameBodySentTwiceIsProcessedOnce() {
        HookClient.Reply first = post("Bearer s3cr3t,with-a-comma", INSERT);
        HookClient.Reply again = post("Bearer s3cr3t,with-a-comma", INSERT);

        assertThat(first.json().getBoolean("duplicate")).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getBoolean("duplicate")).isTrue();
        assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
    }

    @Test
    void bodyThatIsNotAChangeAnswers400NamingTheField() {
        byte[] noTable = "{\"type\":\"INSERT\",\"schema\":\"public\",\"record\":{},\"old_record\":null}"
                .getBytes(StandardCharsets.UTF_8);

        HookClient.Reply reply = post("Bearer s3cr3t,with-a-comma", noTable);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_body");
        assertThat(reply.json().getString("message")).contains("'table'");
        assertThat(rejected("invalid_body")).isEqualTo(1);
    }

    @Test
    void wrongOrMissingSecretAnswers401() {
        HookClient.Reply wrong = post("Bearer s3cr3t", INSERT);
        HookClient.Reply missing = post(null, INSERT);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().getString("error")).isEqualTo("bad_secret");
        assertThat(wrong.body()).doesNotContain("s3cr3t");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().getString("message")).contains("'Authorization'");
        assertThat(rejected("bad_secret")).isEqualTo(1);
        assertThat(rejected("missing_header")).isEqualTo(1);
    }
}
