package io.sluice.connector.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueConfiguration;
import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.deadletter.DeadLetter;
import io.sluice.event.Event;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Outcome;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ManualSourceFactory;
import io.sluice.testing.MemoryDeadLetterStoreFactory;
import io.sluice.testing.ScriptedSinkFactory;
import io.sluice.testing.TestServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code dedupe} with {@code store: jetstream} across replicas: each replica is a whole Sluice in
 * this JVM, on its own Vert.x, with a {@code manual} source, a {@code scripted} sink and the same
 * route and dedupe options, against the test NATS. Every test has a bucket of its own.
 */
class JetStreamDedupeIT {

    private final String bucket = "dedupe-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Vertx> vertxes = new ArrayList<>();
    private final List<Sluice> replicas = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private CuttableProxy proxy;

    @AfterEach
    void stopAll() throws Exception {
        for (Sluice replica : replicas) {
            Await.result(replica.stop());
        }
        if (proxy != null) {
            proxy.close();
        }
        for (Vertx vertx : vertxes) {
            Await.result(vertx.close());
        }
        try (Connection nats = nats()) {
            if (nats.keyValueManagement().getBucketNames().contains(bucket)) {
                nats.keyValueManagement().delete(bucket);
            }
        }
    }

    /** Replica {@code name}: source {@code name-in}, sink {@code name-out}, dead letters under {@code name}. */
    private static String replica(String name, String natsUrl, String dedupe) {
        return replica(name, natsUrl, dedupe, false);
    }

    private static String replica(String name, String natsUrl, String dedupe, boolean deadLettersFail) {
        return "http: {port: 0, host: 127.0.0.1}\n"
                + "admin: {port: 0, host: 127.0.0.1}\n"
                + "shutdown-grace: 200ms\n"
                + "nats: {url: '" + natsUrl + "', reconnect-wait: 100ms}\n"
                + "dead-letter: {type: memory, name: " + name + ", fail: " + deadLettersFail + "}\n"
                + "sources: [{name: " + name + "-in, type: manual}]\n"
                + "sinks: [{name: " + name + "-out, type: scripted}]\n"
                + "routes: [{name: orders, from: " + name + "-in, to: " + name + "-out, processors: [" + dedupe
                + "]}]\n";
    }

    private Future<Sluice> start(String name, String yaml) {
        Vertx vertx = Vertx.vertx();
        vertxes.add(vertx);
        return Sluice.start(
                vertx, new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse(name + ".yaml", yaml));
    }

    private Sluice startReplica(String name, String dedupe) {
        return startReplica(name, TestServices.natsUrl(), dedupe);
    }

    private Sluice startReplica(String name, String natsUrl, String dedupe) {
        Sluice sluice = Await.result(start(name, replica(name, natsUrl, dedupe)));
        replicas.add(sluice);
        return sluice;
    }

    private String dedupe(String window) {
        return "{type: dedupe, key: data.order, store: jetstream, bucket: " + bucket + ", window: " + window + "}";
    }

    private Event order(String order) {
        return Event.builder()
                .id("e-" + ids.incrementAndGet())
                .source("/test")
                .type("order.paid")
                .dataContentType("application/json")
                .data(Buffer.buffer("{\"order\": \"" + order + "\"}"))
                .build();
    }

    private Future<Outcome> dispatch(String replica, String order) {
        return ManualSourceFactory.context(replica + "-in").dispatch(order(order));
    }

    private static List<String> passed(String replica) {
        return ScriptedSinkFactory.sink(replica + "-out").received().stream()
                .map(event -> event.data().toJsonObject().getString("order"))
                .toList();
    }

    private static Connection nats() throws IOException, InterruptedException {
        return Nats.connect(TestServices.natsUrl());
    }

    @Test
    void eachKeyPassesOnceAcrossTwoReplicasGivenTheSameKeysAtOnce() {
        String a = "dd-two-a";
        String b = "dd-two-b";
        startReplica(a, dedupe("1m"));
        startReplica(b, dedupe("1m"));
        List<Future<Outcome>> outcomes = new ArrayList<>();

        for (int i = 0; i < 50; i++) {
            outcomes.add(dispatch(a, "o-" + i));
            outcomes.add(dispatch(b, "o-" + i));
        }
        Await.result(Future.all(outcomes));

        List<String> passed = new ArrayList<>(passed(a));
        passed.addAll(passed(b));
        assertThat(passed).hasSize(50).doesNotHaveDuplicates();
        // Which replica wins a key is a race; that exactly one does is the point.
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.result()).isEqualTo(Outcome.DELIVERED));
    }

    @Test
    void theKeyOfAnEventThatCouldNotSettleIsForgottenSoItsRedeliveryPasses() {
        String name = "dd-forget";
        replicas.add(Await.result(start(name, replica(name, TestServices.natsUrl(), dedupe("1m"), true))));
        ScriptedSinkFactory.Scripted sink = ScriptedSinkFactory.sink(name + "-out");
        sink.failWith("peer answered 400", false);
        Event order = order("o-1");

        Await.failure(ManualSourceFactory.context(name + "-in").dispatch(order));
        sink.behave(e -> Future.succeededFuture(Delivery.done()));
        // The key is deleted from the bucket just after the source hears of the failure: redeliver
        // until it passes, as a broker would.
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Await.result(ManualSourceFactory.context(name + "-in").dispatch(order));
                    return sink.received().size() == 2;
                });

        assertThat(passed(name)).containsExactly("o-1", "o-1");
    }

    @Test
    void aKeyPassesAgainOnAnyReplicaOnceTheWindowLapsed() {
        String a = "dd-lapse-a";
        String b = "dd-lapse-b";
        startReplica(a, dedupe("2s"));
        startReplica(b, dedupe("2s"));

        Await.result(dispatch(a, "o-1"));
        Await.result(dispatch(b, "o-1"));
        List<String> withinTheWindow = passed(b);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Await.result(dispatch(b, "o-1"));
                    return passed(b).contains("o-1");
                });

        assertThat(passed(a)).containsExactly("o-1");
        assertThat(withinTheWindow).isEmpty();
        assertThat(passed(b)).containsExactly("o-1");
    }

    @Test
    void routesOfTheSameNameShareKeysAndOtherRoutesDoNot() {
        String orders = "dd-routes-a";
        startReplica(orders, dedupe("1m"));
        Sluice refunds = Await.result(start(
                "dd-routes-b",
                replica("dd-routes-b", TestServices.natsUrl(), dedupe("1m")).replace("name: orders", "name: refunds")));
        replicas.add(refunds);

        Await.result(dispatch(orders, "o-1"));
        Await.result(dispatch("dd-routes-b", "o-1"));
        Await.result(dispatch(orders, "o-1"));

        assertThat(passed(orders)).containsExactly("o-1");
        assertThat(passed("dd-routes-b")).containsExactly("o-1");
    }

    @Test
    void aBucketKeepingKeysForAnotherSpanFailsStartNamingTheWindowAndTheBucket() throws Exception {
        try (Connection nats = nats()) {
            nats.keyValueManagement()
                    .create(KeyValueConfiguration.builder()
                            .name(bucket)
                            .ttl(Duration.ofMinutes(1))
                            .build());
        }

        Throwable failure = Await.failure(start("dd-span", replica("dd-span", TestServices.natsUrl(), dedupe("2s"))));

        assertThat(failure)
                .hasMessageContaining("dd-span.yaml:8: /routes/0/processors/0/window: must equal the max age of the"
                        + " existing dedupe bucket '" + bucket + "' (PT1M)")
                .hasMessageContaining("(got PT2S)");
    }

    @Test
    void aBucketDeletedWhileRunningIsCreatedAgain() throws Exception {
        String a = "dd-deleted";
        startReplica(a, dedupe("1m"));
        Await.result(dispatch(a, "o-1"));

        try (Connection nats = nats()) {
            nats.keyValueManagement().delete(bucket);
        }
        Outcome afterDelete = Await.result(dispatch(a, "o-1"));
        Outcome again = Await.result(dispatch(a, "o-1"));

        assertThat(afterDelete).isEqualTo(Outcome.DELIVERED);
        assertThat(again).isEqualTo(Outcome.DELIVERED);
        assertThat(passed(a)).containsExactly("o-1", "o-1");
        try (Connection nats = nats()) {
            assertThat(nats.keyValueManagement().getStatus(bucket).getTtl()).isEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void whileNatsIsUnreachableEventsAreDeadLetteredNotPassedAndReplayLater() throws JetStreamApiException {
        String a = "dd-cut";
        Vertx proxyVertx = Vertx.vertx();
        vertxes.add(proxyVertx);
        proxy = CuttableProxy.start(proxyVertx, TestServices.natsUrl());
        Sluice sluice = startReplica(a, proxy.url(), dedupe("1m"));

        proxy.cut();
        // Probes with keys of their own show when the replica knows NATS is gone.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Await.result(dispatch(a, "probe-" + UUID.randomUUID())) == Outcome.DEAD_LETTERED);
        Outcome duringCut = Await.result(dispatch(a, "o-1"));
        DeadLetter letter = deadLetterOf(a, "o-1");
        proxy.restore();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Await.result(dispatch(a, "probe-" + UUID.randomUUID())) == Outcome.DELIVERED);
        Outcome replayed = Await.result(sluice.replay(letter));
        Outcome again = Await.result(dispatch(a, "o-1"));

        assertThat(duringCut).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(letter.cause())
                .contains("dedupe bucket '" + bucket + "' of route 'orders' could not tell whether the key is new")
                .contains("NATS is disconnected");
        assertThat(replayed).isEqualTo(Outcome.DELIVERED);
        assertThat(again).isEqualTo(Outcome.DELIVERED);
        assertThat(passed(a)).filteredOn(order -> order.equals("o-1")).hasSize(1);
    }

    private static DeadLetter deadLetterOf(String replica, String order) {
        return MemoryDeadLetterStoreFactory.store(replica).letters().stream()
                .filter(letter ->
                        letter.event().data().toJsonObject().getString("order").equals(order))
                .findFirst()
                .orElseThrow();
    }
}
