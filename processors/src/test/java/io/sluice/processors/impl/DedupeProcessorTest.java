package io.sluice.processors.impl;

import static io.sluice.processors.OptionChecks.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.sluice.event.Event;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Outcome;
import io.sluice.processors.PipelineFixture;
import io.sluice.testing.Await;
import io.sluice.testing.ScriptedSinkFactory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class DedupeProcessorTest extends PipelineFixture {

    private static String pipeline(String id, String processor) {
        return "sources: [{name: " + id + "-in, type: manual}]\n"
                + "sinks: [{name: " + id + "-out, type: scripted}]\n"
                + "routes: [{name: " + id + ", from: " + id + "-in, to: " + id + "-out, processors: [" + processor
                + "]}]\n";
    }

    @Test
    void sameIdTwiceWithinTheWindowIsProcessedOnce() {
        start("dedupe-id", pipeline("di", "{type: dedupe, window: 1m}"));

        Outcome first = settle("di-in", event("e-1", "{}"));
        Outcome again = settle("di-in", event("e-1", "{}"));
        Outcome other = settle("di-in", event("e-2", "{}"));

        assertThat(first).isEqualTo(Outcome.DELIVERED);
        assertThat(again).isEqualTo(Outcome.DELIVERED);
        assertThat(other).isEqualTo(Outcome.DELIVERED);
        assertThat(received("di-out")).extracting(Event::id).containsExactly("e-1", "e-2");
        assertThat(sluice.metrics().getCounters())
                .hasEntrySatisfying(
                        "sluice_dedupe_duplicates_total{route=\"di\"}",
                        c -> assertThat(c.getCount()).isEqualTo(1));
    }

    @Test
    void anEventThatCouldNotSettleIsNotDroppedAsADuplicateWhenItComesBack() {
        startWithFailingDeadLetters("dedupe-retry", pipeline("dr", "{type: dedupe, window: 1m}"));
        ScriptedSinkFactory.Scripted sink = ScriptedSinkFactory.sink("dr-out");
        sink.failWith("peer answered 400", false);

        Throwable firstTry = Await.failure(dispatch("dr-in", event("e-1", "{}")));
        // The processor hears of the failure just after the source does.
        await().until(() -> (Integer) sluice.metrics()
                        .getGauges()
                        .get("sluice_dedupe_entries{route=\"dr\"}")
                        .getValue()
                == 0);
        sink.behave(e -> Future.succeededFuture(Delivery.done()));
        Outcome redelivery = settle("dr-in", event("e-1", "{}"));

        assertThat(firstTry).hasMessageContaining("memory store told to fail");
        assertThat(redelivery).isEqualTo(Outcome.DELIVERED);
        // The refused first try, then the redelivery: not dropped as a duplicate of itself.
        assertThat(received("dr-out")).extracting(Event::id).containsExactly("e-1", "e-1");
    }

    @Test
    void keyExpressionDedupesOnADataField() {
        start("dedupe-key", pipeline("dk", "{type: dedupe, key: '[data.order, data.step]'}"));

        settle("dk-in", event("a", "{\"order\": 7, \"step\": \"paid\"}"));
        settle("dk-in", event("b", "{\"order\": 7, \"step\": \"paid\"}"));
        settle("dk-in", event("c", "{\"order\": 7, \"step\": \"shipped\"}"));

        assertThat(received("dk-out")).extracting(Event::id).containsExactly("a", "c");
    }

    @Test
    void keyThatFailsToEvaluateDeadLettersTheEvent() {
        start("dedupe-fail", pipeline("df", "{type: dedupe, key: data.order}"));

        Outcome outcome = settle("df-in", event("x", "{}"));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(deadLetters().get(0).cause()).contains("CEL expression 'data.order' failed");
    }

    @Test
    void badOptionsAreRejectedByName() {
        Throwable window = startFailure("dedupe-bad1", pipeline("db1", "{type: dedupe, window: 0s}"));
        Throwable key = startFailure("dedupe-bad3", pipeline("db3", "{type: dedupe, key: 'id +'}"));

        assertThat(window).hasMessageContaining("/routes/0/processors/0/window: must be a positive duration");
        assertThat(key).hasMessageContaining("/routes/0/processors/0/key: is not a valid CEL expression: 1:");
        assertRejects(new DedupeProcessorFactory(), "{\"max-entries\": 0}")
                .hasMessageContaining("/max-entries: must be an integer between 1");
    }

    @Test
    void unknownStoreIsRejectedNamingTheOptionAndTheKnownStores() {
        Throwable bySchema =
                catchThrowable(() -> config("dedupe-bad4", pipeline("db4", "{type: dedupe, store: redis}")));

        assertThat(bySchema)
                .hasMessageContaining("dedupe-bad4.yaml:7: /routes/0/processors/0/store: does not have a value in the"
                        + " enumeration [\"memory\", \"jetstream\"] (got \"redis\")");
        assertRejects(new DedupeProcessorFactory(), "{\"store\": \"redis\"}")
                .hasMessageContaining("/store: is not a known dedupe store; known: memory")
                .hasMessageContaining("redis");
    }

    @Test
    void inMemoryKeepsTheKeyAndWindowAndDropsTheSharedStore() {
        JsonObject jetstream = new JsonObject(
                "{\"type\": \"dedupe\", \"key\": \"data.id\", \"window\": \"2s\", \"store\": \"jetstream\","
                        + " \"bucket\": \"b\", \"replicas\": 3}");
        JsonObject memory = new JsonObject("{\"type\": \"dedupe\", \"max-entries\": 5}");

        assertThat(DedupeProcessorFactory.inMemory(jetstream))
                .isEqualTo(new JsonObject(
                        "{\"type\": \"dedupe\", \"key\": \"data.id\", \"window\": \"2s\", \"store\": \"memory\"}"));
        assertThat(DedupeProcessorFactory.inMemory(memory)).isEqualTo(memory);
    }
}
