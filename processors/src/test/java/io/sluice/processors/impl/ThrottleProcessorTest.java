package io.sluice.processors.impl;

import static io.sluice.processors.OptionChecks.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.event.Event;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Outcome;
import io.sluice.processors.PipelineFixture;
import io.sluice.testing.Await;
import io.sluice.testing.ScriptedSinkFactory;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ThrottleProcessorTest extends PipelineFixture {

    private static String pipeline(String id, String processor) {
        return "sources: [{name: " + id + "-in, type: manual}]\n"
                + "sinks: [{name: " + id + "-out, type: scripted}]\n"
                + "routes: [{name: " + id + ", from: " + id + "-in, to: " + id + "-out, processors: [" + processor
                + "]}]\n";
    }

    @Test
    void letsAtMostTheLimitThroughPerPeriodInArrivalOrder() {
        start("throttle-rate", pipeline("tr", "{type: throttle, rate: {limit: 2, period: 500ms}}"));
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        ScriptedSinkFactory.sink("tr-out").behave(event -> {
            arrivals.put(event.id(), System.nanoTime());
            return Future.succeededFuture(Delivery.done());
        });
        List<Future<Outcome>> settled = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            settled.add(dispatch("tr-in", event("e" + i, "{}")));
        }
        settled.forEach(Await::result);

        assertThat(received("tr-out")).extracting(Event::id).containsExactly("e0", "e1", "e2", "e3", "e4", "e5");
        // Permits come in refresh cycles: e0-e1 in one, e2-e3 in the next, e4-e5 in the one after.
        // Unthrottled, all six would arrive within milliseconds; the margin absorbs scheduling lag.
        assertThat(millisBetween(arrivals, "e2", "e4")).isGreaterThanOrEqualTo(350);
        assertThat(millisBetween(arrivals, "e0", "e4")).isGreaterThanOrEqualTo(350);
    }

    private static long millisBetween(Map<String, Long> arrivals, String first, String later) {
        return (arrivals.get(later) - arrivals.get(first)) / 1_000_000;
    }

    @Test
    void badOptionsAreRejectedByName() {
        ThrottleProcessorFactory factory = new ThrottleProcessorFactory();

        assertRejects(factory, "{}").hasMessageContaining("/rate: is required");
        assertRejects(factory, "{\"rate\": {\"limit\": 0}}")
                .hasMessageContaining("/rate/limit: must be an integer between 1");
        assertRejects(factory, "{\"rate\": {\"limit\": 1, \"per\": \"1s\"}}")
                .hasMessageContaining("/rate/per: is not an option of 'throttle'");
    }
}
