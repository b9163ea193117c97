package io.sluice.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.event.Event;
import io.sluice.pipeline.Delivery;
import io.sluice.testing.ScriptedSinkFactory;
import io.sluice.testing.ScriptedSinkFactory.Scripted;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sluice stopped abruptly in the middle of a stream, with events handed to a sink that never
 * answered, then started again on the same slot: every change arrives, and what had settled before
 * the crash does not come again.
 */
class CrashRecoveryIT {

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
                "sources: [{name: crash, type: postgres-cdc, url: '" + PgTestDb.url() + "', slot: it_crash,"
                        + " tables: crash_rows, status-interval: 100ms, heartbeat-interval: 500ms}]\n"
                        + "sinks: [{name: " + sink + ", type: scripted, concurrency: 100}]\n"
                        + "routes: [{name: " + sink + "-route, from: crash, to: " + sink + "}]\n");
    }

    @Test
    void changesInFlightWhenSluiceDiesArriveAfterARestartOnTheSameSlot() throws Exception {
        db.createTable("crash_rows", "id int PRIMARY KEY");
        db.ownSlot("it_crash");
        first = start("crash-first");
        Scripted before = ScriptedSinkFactory.sink("crash-first");
        insert(1, 20);
        await().until(() -> before.received().size() == 20);
        long settledUpTo = db.queryLong("SELECT (pg_current_wal_lsn() - '0/0')::bigint");
        await().until(() -> db.confirmedFlush("it_crash") >= settledUpTo);
        // From now on, ids above 30 are held: the stream stops in the middle of the next transaction.
        before.behave(e -> id(e) <= 30
                ? Future.succeededFuture(Delivery.done())
                : Promise.<Delivery>promise().future());

        db.transaction(IntStream.rangeClosed(21, 60)
                .mapToObj(i -> "INSERT INTO crash_rows VALUES (" + i + ")")
                .toArray(String[]::new));
        insert(61, 70);
        await().until(() -> before.received().size() == 70);
        first.kill();
        second = start("crash-second");

        Scripted after = ScriptedSinkFactory.sink("crash-second");
        await().atMost(Duration.ofSeconds(15)).until(() -> ids(after.received()).containsAll(range(31, 70)));
        assertThat(ids(after.received())).doesNotContainAnyElementsOf(range(1, 20));
        assertThat(after.received()).allSatisfy(e -> assertThat(e.id()).startsWith("it_crash:"));
    }

    private void insert(int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            db.execute("INSERT INTO crash_rows VALUES (" + i + ")");
        }
    }

    private static int id(Event event) {
        return event.dataAsJson().getJsonObject("record").getInteger("id");
    }

    private static Set<Integer> ids(List<Event> events) {
        return events.stream().map(CrashRecoveryIT::id).collect(Collectors.toSet());
    }

    private static Set<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }
}
