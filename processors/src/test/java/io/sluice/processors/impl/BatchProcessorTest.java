package io.sluice.processors.impl;

import static io.sluice.processors.OptionChecks.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.event.Event;
import io.sluice.pipeline.Outcome;
import io.sluice.processors.PipelineFixture;
import io.sluice.testing.Await;
import io.sluice.testing.ScriptedSinkFactory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchProcessorTest extends PipelineFixture {

    private static String pipeline(String id, String processor, String routeExtra) {
        return "sources: [{name: " + id + "-in, type: manual}]\n"
                + "sinks: [{name: " + id + "-out, type: scripted}]\n"
                + "routes: [{name: " + id + ", from: " + id + "-in, to: " + id + "-out" + routeExtra
                + ", processors: [" + processor + "]}]\n";
    }

    @Test
    void holdsEveryInputUntilTheFullBatchIsEmitted() {
        start("batch-full", pipeline("bf", "{type: batch, max-count: 3, max-wait: 1h}", ""));

        Future<Outcome> first = dispatch("bf-in", event("a", "{\"n\": 1}"));
        Future<Outcome> second = dispatch("bf-in", event("b", "{\"n\": 2}"));
        await().during(java.time.Duration.ofMillis(200))
                .until(() -> received("bf-out").isEmpty());
        boolean heldBeforeFull = !first.isComplete() && !second.isComplete();
        Outcome third = settle("bf-in", event("c", "[3]"));

        assertThat(heldBeforeFull).isTrue();
        assertThat(third).isEqualTo(Outcome.DELIVERED);
        assertThat(Await.result(first)).isEqualTo(Outcome.DELIVERED);
        assertThat(Await.result(second)).isEqualTo(Outcome.DELIVERED);
        List<Event> batches = received("bf-out");
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).dataContentType()).isEqualTo("application/json");
        assertThat(batches.get(0).type()).isEqualTo("test.event");
        assertThat(new JsonArray(batches.get(0).data()))
                .isEqualTo(new JsonArray()
                        .add(new JsonObject().put("n", 1))
                        .add(new JsonObject().put("n", 2))
                        .add(new JsonArray().add(3)));
    }

    @Test
    void emitsAPartialBatchAfterMaxWait() {
        start("batch-wait", pipeline("bw", "{type: batch, max-count: 10, max-wait: 100ms}", ""));

        Future<Outcome> first = dispatch("bw-in", event("a", "1"));
        Future<Outcome> second = dispatch("bw-in", event("b", "2"));

        assertThat(Await.result(first)).isEqualTo(Outcome.DELIVERED);
        assertThat(Await.result(second)).isEqualTo(Outcome.DELIVERED);
        assertThat(received("bw-out"))
                .singleElement()
                .satisfies(batch -> assertThat(new JsonArray(batch.data())).containsExactly(1, 2));
    }

    @Test
    void batchTheSinkRefusesIsDeadLetteredWholeWithTheCause() {
        start("batch-fail", pipeline("bx", "{type: batch, max-count: 2}", ""));
        ScriptedSinkFactory.sink("bx-out").failWith("peer answered 400", false);

        Future<Outcome> first = dispatch("bx-in", event("a", "{\"n\": 1}"));
        Outcome carrier = settle("bx-in", event("b", "{\"n\": 2}"));

        assertThat(carrier).isEqualTo(Outcome.DEAD_LETTERED);
        // The other input settles once the batch holding its data is dead-lettered.
        assertThat(Await.result(first)).isEqualTo(Outcome.DELIVERED);
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.cause()).isEqualTo("peer answered 400");
            assertThat(new JsonArray(letter.event().data())).hasSize(2);
        });
    }

    @Test
    void noInputSettlesBeforeTheBatchHoldingItsDataIsDelivered() {
        start("batch-held", pipeline("bh", "{type: batch, max-count: 2, max-wait: 1h}", ""));
        ScriptedSinkFactory.Scripted sink = ScriptedSinkFactory.sink("bh-out");
        sink.hold();

        Future<Outcome> first = dispatch("bh-in", event("a", "{\"n\": 1}"));
        Future<Outcome> carrier = dispatch("bh-in", event("b", "{\"n\": 2}"));
        await().until(() -> sink.heldCount() == 1);
        await().during(java.time.Duration.ofMillis(200)).until(() -> !first.isComplete() && !carrier.isComplete());
        sink.releaseAll();

        assertThat(Await.result(carrier)).isEqualTo(Outcome.DELIVERED);
        assertThat(Await.result(first)).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void whenTheBatchCanBeNeitherDeliveredNorDeadLetteredNoInputSettles() {
        startWithFailingDeadLetters("batch-down", pipeline("bd", "{type: batch, max-count: 2, max-wait: 1h}", ""));
        ScriptedSinkFactory.sink("bd-out").failWith("peer answered 400", false);

        Future<Outcome> first = dispatch("bd-in", event("a", "{\"n\": 1}"));
        Future<Outcome> carrier = dispatch("bd-in", event("b", "{\"n\": 2}"));

        // Both fail: their sources leave the messages unacknowledged, to be delivered again.
        assertThat(Await.failure(carrier)).hasMessageContaining("memory store told to fail");
        assertThat(Await.failure(first)).hasMessageContaining("memory store told to fail");
    }

    @Test
    void batchLargerThanTheRouteCanHoldIsRejected() {
        Throwable failure =
                startFailure("batch-bad1", pipeline("bb1", "{type: batch, max-count: 50}", ", max-inflight: 10"));

        assertThat(failure)
                .hasMessageContaining(
                        "/routes/0/processors/0/max-count: must not exceed the route's max-inflight (10)");
        assertRejects(new BatchProcessorFactory(), "{\"max-size\": 5}")
                .hasMessageContaining("/max-size: is not an option of 'batch'");
        assertRejects(new BatchProcessorFactory(), "{\"max-wait\": \"0s\"}")
                .hasMessageContaining("/max-wait: must be a positive duration");
    }

    @Test
    void aGatheringBatchStaysUnsettledWhenTheRouteStops() {
        start("batch-stop", pipeline("bs", "{type: batch, max-count: 5, max-wait: 1h}", ""));
        Future<Outcome> held = dispatch("bs-in", event("a", "{}"));

        Await.result(sluice.stop());
        sluice = null;

        assertThat(held.isComplete()).isFalse();
        assertThat(received("bs-out")).isEmpty();
        assertThat(deadLetters()).isEmpty();
    }
}
