package io.sluice.processors.impl;

import static io.sluice.processors.OptionChecks.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.event.Event;
import io.sluice.pipeline.Outcome;
import io.sluice.processors.PipelineFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TransformProcessorTest extends PipelineFixture {

    private static String pipeline(String id, String processor) {
        return "sources: [{name: " + id + "-in, type: manual}]\n"
                + "sinks: [{name: " + id + "-out, type: scripted}]\n"
                + "routes:\n"
                + "  - name: " + id + "\n"
                + "    from: " + id + "-in\n"
                + "    to: " + id + "-out\n"
                + "    processors:\n"
                + processor;
    }

    private static final String ORDER =
            "{\"sku\": \"A-1\", \"price\": 2.5, \"qty\": 4, \"customer\": {\"tier\": \"gold\"}}";

    @Test
    void buildsNewDataFromExpressionsAndRetypesTheEvent() {
        start(
                "transform-new",
                pipeline(
                        "tn",
                        "      - type: transform\n"
                                + "        set:\n"
                                + "          total: data.price * double(data.qty)\n"
                                + "          line.sku: data.sku\n"
                                + "          line.gold: data.customer.tier == 'gold'\n"
                                + "          received: time\n"
                                + "        event-type: \"'order.priced'\"\n"
                                + "        event-subject: data.sku\n"));

        Outcome outcome = settle("tn-in", event("o-1", ORDER));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        Event out = received("tn-out").get(0);
        assertThat(out.id()).isEqualTo("o-1");
        assertThat(out.type()).isEqualTo("order.priced");
        assertThat(out.subject()).isEqualTo("A-1");
        assertThat(out.dataContentType()).isEqualTo("application/json");
        JsonObject data = out.dataAsJson();
        assertThat(data.fieldNames()).containsExactlyInAnyOrder("total", "line", "received");
        assertThat(data.getDouble("total")).isEqualTo(10.0);
        assertThat(data.getJsonObject("line"))
                .isEqualTo(new JsonObject().put("sku", "A-1").put("gold", true));
        assertThat(data.getString("received")).isEqualTo(out.time().toString());
    }

    @Test
    void keepOriginalStartsFromTheOriginalData() {
        start(
                "transform-keep",
                pipeline(
                        "tk",
                        "      - type: transform\n"
                                + "        keep-original: true\n"
                                + "        set: {customer.tier: \"'platinum'\", qty: data.qty + 1}\n"));

        settle("tk-in", event("o-2", ORDER));

        JsonObject data = received("tk-out").get(0).dataAsJson();
        assertThat(data.getString("sku")).isEqualTo("A-1");
        assertThat(data.getInteger("qty")).isEqualTo(5);
        assertThat(data.getJsonObject("customer").getString("tier")).isEqualTo("platinum");
    }

    @Test
    void failingExpressionDeadLettersTheEventWithItsCause() {
        start("transform-fail", pipeline("tf", "      - {type: transform, set: {total: data.price * data.qty}}\n"));

        Outcome outcome = settle("tf-in", event("o-3", ORDER));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(received("tf-out")).isEmpty();
        assertThat(deadLetters())
                .singleElement()
                .satisfies(letter -> assertThat(letter.cause())
                        .contains("CEL expression 'data.price * data.qty' failed")
                        .contains("No matching overload"));
    }

    @Test
    void keepOriginalOnDataThatIsNotAnObjectDeadLettersTheEvent() {
        start("transform-array", pipeline("ta", "      - {type: transform, keep-original: true, set: {n: '1'}}\n"));

        Outcome outcome = settle("ta-in", event("o-4", "[1, 2]"));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(deadLetters().get(0).cause())
                .isEqualTo("keep-original needs the data to be a JSON object, but it is a JSON array");
    }

    @Test
    void invalidExpressionsAreRejectedNamingTheOptionAndPosition() {
        Throwable badField =
                startFailure("transform-bad1", pipeline("tb1", "      - {type: transform, set: {total: 'data.'}}\n"));
        Throwable badType =
                startFailure("transform-bad2", pipeline("tb2", "      - {type: transform, event-type: '1 + 2'}\n"));

        assertThat(badField)
                .hasMessageContaining("/routes/0/processors/0/set/total: is not a valid CEL expression: 1:");
        assertThat(badType)
                .hasMessageContaining("/routes/0/processors/0/event-type: is not a valid CEL expression: "
                        + "1:1: must yield a string or null, but yields int");
    }

    @Test
    void missingOutputsAndBadPathsAreRejectedByName() {
        TransformProcessorFactory factory = new TransformProcessorFactory();

        assertRejects(factory, "{\"keep-original\": true}")
                .hasMessageContaining("/set: is required unless event-type or event-subject is given");
        assertRejects(factory, "{\"set\": {\"a..b\": \"1\"}}").hasMessageContaining("/set/a..b: is not a field path");
        assertRejects(factory, "{\"set\": {\"a\": \"1\"}, \"keep\": true}")
                .hasMessageContaining("/keep: is not an option of 'transform'");
    }
}
