package io.sluice.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.Gauge;
import io.sluice.event.Event;
import io.sluice.testing.ScriptedSinkFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Sluice instances configured with the same slot: one reads, the other stands by, ready, and
 * takes over when the first dies, losing nothing.
 */
class LeaderElectionIT {

    private static final String LEADER_GAUGE = "sluice_cdc_leader{source=\"lead\",slot=\"it_lead\"}";

    private PgTestDb db;
    private SluiceRunner first;
    private SluiceRunner second;

    @BeforeEach
    void connect() throws Exception {
        db = PgTestDb.connect();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        db.close();
    }

    private SluiceRunner start(String sink) {
        return SluiceRunner.start(
                sink,
                "sources: [{name: lead, type: postgres-cdc, url: '" + PgTestDb.url() + "', slot: it_lead,"
                        + " tables: lead_rows, status-interval: 100ms}]\n"
                        + "sinks: [{name: " + sink + ", type: scripted}]\n"
                        + "routes: [{name: " + sink + "-route, from: lead, to: " + sink + "}]\n");
    }

    @Test
    void onlyOneReplicaReadsAndTheStandbyTakesOverWhenTheLeaderDies() throws Exception {
        db.createTable("lead_rows", "id int PRIMARY KEY");
        db.ownSlot("it_lead");
        first = start("lead-first");
        second = start("lead-second");

        insert(1, 10);

        await().until(() -> ScriptedSinkFactory.sink("lead-first").received().size() == 10);
        assertThat(leading(first)).isEqualTo(1);
        assertThat(leading(second)).isZero();
        assertThat(second.sluice().ready()).as("a standby is healthy").isTrue();
        assertThat(ScriptedSinkFactory.sink("lead-second").received()).isEmpty();

        first.kill();
        insert(11, 20);

        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        ids(ScriptedSinkFactory.sink("lead-second").received()).containsAll(range(11, 20)));
        assertThat(leading(second)).isEqualTo(1);
        assertThat(ids(ScriptedSinkFactory.sink("lead-first").received())).isEqualTo(range(1, 10));
    }

    private static int leading(SluiceRunner sluice) {
        Gauge<?> gauge = sluice.sluice().metrics().getGauges().get(LEADER_GAUGE);
        return ((Number) gauge.getValue()).intValue();
    }

    private void insert(int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            db.execute("INSERT INTO lead_rows VALUES (" + i + ")");
        }
    }

    private static Set<Integer> ids(List<Event> events) {
        return events.stream()
                .map(e -> e.dataAsJson().getJsonObject("record").getInteger("id"))
                .collect(Collectors.toSet());
    }

    private static Set<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }
}
