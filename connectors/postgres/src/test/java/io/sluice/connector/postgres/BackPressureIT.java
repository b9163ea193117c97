package io.sluice.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.MetricRegistry;
import io.sluice.testing.ScriptedSinkFactory;
import io.sluice.testing.ScriptedSinkFactory.Scripted;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A saturated route stops a {@code postgres-cdc} source from handing in more changes. */
class BackPressureIT {

    private PgTestDb db;
    private SluiceRunner sluice;

    @BeforeEach
    void connect() throws Exception {
        db = PgTestDb.connect();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (sluice != null) {
            sluice.close();
        }
        db.close();
    }

    @Test
    void saturatedRouteStopsTheReaderUntilTheSinkDrains() throws Exception {
        db.createTable("press_rows", "id int PRIMARY KEY");
        db.ownSlot("it_press");
        sluice = SluiceRunner.start(
                "press",
                "sources: [{name: press, type: postgres-cdc, url: '" + PgTestDb.url() + "', slot: it_press,"
                        + " tables: press_rows}]\n"
                        + "sinks: [{name: press-out, type: scripted}]\n"
                        + "routes: [{name: press-route, from: press, to: press-out, max-inflight: 5}]\n");
        Scripted sink = ScriptedSinkFactory.sink("press-out");
        sink.hold();
        MetricRegistry metrics = sluice.sluice().metrics();

        db.execute("INSERT INTO press_rows SELECT generate_series(1, 50)");

        await().until(() -> sink.heldCount() == 5);
        await().during(Duration.ofMillis(500)).until(() -> handedIn(metrics) == 5);
        sink.releaseAll();
        await().until(() -> sink.received().size() == 50);
        assertThat(metrics.counter("sluice_cdc_changes_total{source=\"press\",table=\"public.press_rows\","
                                + "action=\"insert\"}")
                        .getCount())
                .isEqualTo(50);
    }

    private static long handedIn(MetricRegistry metrics) {
        return metrics.counter("sluice_source_events_total{source=\"press\"}").getCount();
    }
}
