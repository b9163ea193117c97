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
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: webhook} end to end: a real Sluice, the real NATS as journal, a Standard Webhooks
 * sender simulated byte for byte by {@link HookClient} and {@link StandardWebhooksSigner}.
 */
class WebhookSourceIT {

    /** Unusual spacing, key order, a JSON escape, non-ASCII text: what re-serialising would change. */
    private static final byte[] BODY = ("{ \"type\" :\"invoice.paid\",\n\t\"z\": 1 ,  \"a\":\"caf\u00e9 \\u00e9 "
                    + "\u65e5\u672c \ud83d\ude00\",\"n\": 1.50e0 }")
            .getBytes(StandardCharsets.UTF_8);

    private Vertx vertx;
    private HookSluice kit;
    private StandardWebhooksSigner signer;
    private final List<Sluice> running = new ArrayList<>();
    private String hook;
    private String stream;
    private String sink;

    @BeforeEach
    void setUp(@TempDir Path secrets) {
        vertx = Vertx.vertx();
        kit = new HookSluice(vertx, secrets);
        signer = new StandardWebhooksSigner();
        kit.secret("hook-key", signer.secret());
        hook = kit.id("hook");
        stream = kit.id("wh");
        sink = kit.id("sink");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Sluice sluice : running) {
            Await.result(sluice.stop());
        }
        Await.result(vertx.close());
        HookSluice.deleteStream(stream);
    }

    private Sluice start(String options) {
        Sluice sluice = kit.start("sources:\n"
                + "  - name: " + hook + "\n"
                + "    type: webhook\n"
                + "    scheme: standard-webhooks\n"
                + "    secrets: [\"${secret:hook-key}\"]\n"
                + "    stream: " + stream + "\n"
                + "    subject: test.hooks." + hook + "\n"
                + "    ack-wait: 2s\n"
                + options
                + "sinks: [{name: " + sink + ", type: scripted}]\n"
                + "routes: [{name: " + kit.id("route") + ", from: " + hook + ", to: " + sink + "}]\n");
        running.add(sluice);
        return sluice;
    }

    private HookClient client(Sluice sluice) {
        return new HookClient(vertx, sluice.publicPort());
    }

    private String path() {
        return "/hooks/" + hook;
    }

    private long counter(Sluice sluice, String family, String... labels) {
        return sluice.metrics().counter(MetricNames.name(family, labels)).getCount();
    }

    @Test
    void deliversTheSignedBodyByteForByteWithTheSendersIdAndType() {
        Sluice sluice = start("");
        Map<String, String> headers =
                new HashMap<>(signer.headers("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", Instant.now(), BODY));
        headers.put("Authorization", "Basic dXNlcjpwYXNz");
        headers.put("Cookie", "session=abc");

        HookClient.Reply reply = client(sluice).post(path(), headers, BODY);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("id")).isEqualTo("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W");
        assertThat(reply.json().getBoolean("duplicate")).isFalse();
        Scripted received = ScriptedSinkFactory.sink(sink);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.received().size() == 1);
        Event event = received.received().get(0);
        assertThat(event.data().getBytes()).isEqualTo(BODY);
        assertThat(event.id()).isEqualTo("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W");
        assertThat(event.type()).isEqualTo("invoice.paid");
        assertThat(event.source()).isEqualTo("/hooks/" + hook);
        assertThat(event.dataContentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(event.headers().first("webhook-id")).isEqualTo("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W");
        assertThat(event.headers().contains("webhook-signature")).isTrue();
        assertThat(event.headers().contains("Authorization")).isFalse();
        assertThat(event.headers().contains("Cookie")).isFalse();
        assertThat(counter(sluice, "sluice_webhook_accepted_total", "hook", hook))
                .isEqualTo(1);
    }

    @Test
    void redeliveryOfTheSameIdAnswers200AndIsProcessedOnce() {
        Sluice sluice = start("");
        HookClient client = client(sluice);
        Scripted received = ScriptedSinkFactory.sink(sink);
        client.post(path(), signer.headers("msg_once", Instant.now(), BODY), BODY);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.received().size() == 1);

        // A sender's retry: same id, a new attempt timestamp, hence a new signature.
        HookClient.Reply retry =
                client.post(path(), signer.headers("msg_once", Instant.now().plusSeconds(1), BODY), BODY);
        client.post(path(), signer.headers("msg_next", Instant.now(), BODY), BODY);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().getBoolean("duplicate")).isTrue();
        // The journal is consumed in order: once the next delivery arrived, a journaled retry would have too.
        await().atMost(Duration.ofSeconds(10)).until(() -> received.received().size() >= 2);
        assertThat(received.received()).extracting(Event::id).containsExactly("msg_once", "msg_next");
        assertThat(counter(sluice, "sluice_webhook_duplicates_total", "hook", hook))
                .isEqualTo(1);
    }

    @Test
    void badSignatureAnswers401NamingTheFailedCheckAndIsCounted() {
        Sluice sluice = start("");
        Map<String, String> headers = new HashMap<>(signer.headers("msg_forged", Instant.now(), BODY));
        headers.put("webhook-signature", "v1,bm90IHRoZSByaWdodCBzaWduYXR1cmUgYXQgYWxsIQ==");

        HookClient.Reply reply = client(sluice).post(path(), headers, BODY);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("bad_signature");
        assertThat(reply.json().getString("message")).contains("'webhook-signature'");
        assertThat(reply.body()).doesNotContain(signer.secret().substring("whsec_".length()));
        assertThat(counter(sluice, "sluice_webhook_rejected_total", "hook", hook, "reason", "bad_signature"))
                .isEqualTo(1);
        assertThat(counter(sluice, "sluice_webhook_accepted_total", "hook", hook))
                .isZero();
    }

    @Test
    void missingSignatureHeaderAnswers401NamingTheHeader() {
        Sluice sluice = start("");
        Map<String, String> headers = new HashMap<>(signer.headers("msg_unsigned", Instant.now(), BODY));
        headers.remove("webhook-signature");

        HookClient.Reply reply = client(sluice).post(path(), headers, BODY);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("missing_header");
        assertThat(reply.json().getString("message")).contains("'webhook-signature'");
    }

    @Test
    void staleAndFutureTimestampsAnswer400() {
        Sluice sluice = start("    tolerance: 5m\n");
        HookClient client = client(sluice);

        HookClient.Reply stale =
                client.post(path(), signer.headers("msg_old", Instant.now().minusSeconds(600), BODY), BODY);
        HookClient.Reply future =
                client.post(path(), signer.headers("msg_new", Instant.now().plusSeconds(600), BODY), BODY);

        assertThat(stale.status()).isEqualTo(400);
        assertThat(future.status()).isEqualTo(400);
        assertThat(stale.json().getString("error")).isEqualTo("timestamp_out_of_tolerance");
        assertThat(future.json().getString("message")).contains("'webhook-timestamp'");
        assertThat(counter(
                        sluice, "sluice_webhook_rejected_total", "hook", hook, "reason", "timestamp_out_of_tolerance"))
                .isEqualTo(2);
    }

    @Test
    void bodyOverTheLimitAnswers413NamingTheLimitWithOrWithoutContentLength() {
        Sluice sluice = start("    body-limit: 1KiB\n");
        byte[] big = new byte[1500];
        Arrays.fill(big, (byte) 'x');
        Map<String, String> headers = signer.headers("msg_big", Instant.now(), big);
        HookClient client = client(sluice);

        HookClient.Reply declared = client.post(path(), headers, big);
        HookClient.Reply chunked = client.postChunked(path(), headers, List.of(new byte[700], new byte[700]));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().getString("message")).contains("1024 bytes");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().getString("message")).contains("1024 bytes");
        assertThat(counter(sluice, "sluice_webhook_rejected_total", "hook", hook, "reason", "body_too_large"))
                .isEqualTo(2);
    }

    @Test
    void contentTypeOutsideTheAllowListAnswers415() {
        Sluice sluice = start("    content-types: [application/json]\n");
        Map<String, String> headers = new HashMap<>(signer.headers("msg_text", Instant.now(), BODY));
        headers.put("Content-Type", "text/plain");

        HookClient.Reply reply = client(sluice).post(path(), headers, BODY);

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().getString("message")).contains("text/plain").contains("application/json");
    }

    @Test
    void otherMethodsAnswer405WithAllow() {
        Sluice sluice = start("");

        HookClient.Reply reply = client(sluice).send(HttpMethod.GET, path());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.headers().get("Allow")).isEqualTo("POST");
        assertThat(counter(sluice, "sluice_webhook_rejected_total", "hook", hook, "reason", "method_not_allowed"))
                .isEqualTo(1);
    }

    @Test
    void acceptedDeliveryIsProcessedAfterARestartWhenItCouldNotBeBefore() {
        Sluice first = start("");
        ScriptedSinkFactory.sink(sink).hold();

        HookClient.Reply reply = client(first).post(path(), signer.headers("msg_durable", Instant.now(), BODY), BODY);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ScriptedSinkFactory.sink(sink).heldCount() == 1);
        Await.result(first.stop());
        running.remove(first);
        start("");

        assertThat(reply.status()).isEqualTo(200);
        Scripted afterRestart = ScriptedSinkFactory.sink(sink);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !afterRestart.received().isEmpty());
        assertThat(afterRestart.received().get(0).id()).isEqualTo("msg_durable");
        assertThat(afterRestart.received().get(0).data().getBytes()).isEqualTo(BODY);
    }

    @Test
    void answers503WithRetryAfterWhenTheJournalCannotConfirm() throws Exception {
        Sluice sluice = start("    retry-after: 7s\n    publish-timeout: 2s\n");
        HookSluice.deleteStream(stream);

        HookClient.Reply reply = client(sluice).post(path(), signer.headers("msg_lost", Instant.now(), BODY), BODY);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.headers().get("Retry-After")).isEqualTo("7");
        assertThat(reply.json().getString("error")).isEqualTo("unavailable");
        assertThat(counter(sluice, "sluice_webhook_rejected_total", "hook", hook, "reason", "unavailable"))
                .isEqualTo(1);
        assertThat(counter(sluice, "sluice_webhook_accepted_total", "hook", hook))
                .isZero();
    }

    @Test
    void answers503WhenTheRoutesAreFullAndTheJournalBacklogReachedItsBound() {
        Sluice sluice = kit.start("sources:\n"
                + "  - {name: " + hook
                + ", type: webhook, scheme: standard-webhooks, secrets: [\"${secret:hook-key}\"],"
                + " stream: " + stream + ", subject: test.hooks." + hook + ", max-inflight: 1, max-pending: 1}\n"
                + "sinks: [{name: " + sink + ", type: scripted}]\n"
                + "routes: [{name: " + kit.id("route") + ", from: " + hook + ", to: " + sink + ", max-inflight: 1}]\n");
        running.add(sluice);
        Scripted held = ScriptedSinkFactory.sink(sink);
        held.hold();
        HookClient client = client(sluice);
        List<String> accepted = new ArrayList<>();
        AtomicReference<HookClient.Reply> last = new AtomicReference<>();

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String id = "msg_" + accepted.size();
                    last.set(client.post(path(), signer.headers(id, Instant.now(), BODY), BODY));
                    if (last.get().status() == 200) {
                        accepted.add(id);
                    }
                    return last.get().status() != 200;
                });
        held.releaseAll();

        assertThat(last.get().status()).isEqualTo(503);
        assertThat(last.get().headers().get("Retry-After")).isEqualTo("5");
        assertThat(last.get().json().getString("message")).contains("max-pending 1");
        assertThat(accepted).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> held.received().size() >= accepted.size());
        assertThat(held.received()).extracting(Event::id).containsExactlyElementsOf(accepted);
    }
}
