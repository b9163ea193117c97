package io.sluice.connector.cron.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamInfo;
import io.sluice.event.Event;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ScriptedSinkFactory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cron sources against the real NATS. Schedules of a tick per second use the test-only {@code type:
 * cron-seconds} ({@link SecondsCronSourceFactory}): the real {@code type: cron} source with a
 * seconds field, since crontab's finest step is a minute.
 */
class CronSourceIT {

    private final CronSluice cron = new CronSluice();
    private final String stream = cron.id("cron");
    private final List<Vertx> vertxes = new ArrayList<>();
    private final List<Sluice> sluices = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        stopSluices();
        vertxes.forEach(vertx -> Await.result(vertx.close()));
        CronSluice.deleteStream(stream);
    }

    private void stopSluices() {
        sluices.forEach(sluice -> Await.result(sluice.stop()));
        sluices.clear();
    }

    /** Starts a replica on its own Vert.x, feeding the source's ticks to its own scripted sink. */
    private void startReplica(String source, String sink) {
        Vertx vertx = Vertx.vertx();
        vertxes.add(vertx);
        sluices.add(cron.start(
                vertx,
                source
                        + "sinks: [{name: " + sink + ", type: scripted}]\n"
                        + "routes: [{name: ticks, from: " + cron.id("beat") + ", to: " + sink + "}]\n"));
    }

    private static long epochSecond(Event tick) {
        return Long.parseLong(tick.id().substring(tick.id().lastIndexOf(':') + 1));
    }

    private static int longestRunOfConsecutiveSeconds(Set<Long> seconds) {
        int longest = 0;
        int run = 0;
        long previous = Long.MIN_VALUE;
        for (long second : new TreeSet<>(seconds)) {
            run = second == previous + 1 ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = second;
        }
        return longest;
    }

    @Test
    void dispatchesEachTickOnceWhenTwoReplicasRunTheSameSchedule() throws Exception {
        String source = "sources: [{name: " + cron.id("beat") + ", type: cron-seconds, schedule: '* * * * * *',"
                + " stream: " + stream + "}]\n";
        startReplica(source, cron.id("seen-a"));
        startReplica(source, cron.id("seen-b"));
        List<ScriptedSinkFactory.Scripted> sinks =
                List.of(ScriptedSinkFactory.sink(cron.id("seen-a")), ScriptedSinkFactory.sink(cron.id("seen-b")));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> longestRunOfConsecutiveSeconds(sinks.stream()
                                .flatMap(sink -> sink.received().stream())
                                .map(CronSourceIT::epochSecond)
                                .collect(Collectors.toSet()))
                        >= 5);
        stopSluices();

        List<String> ids = sinks.stream()
                .flatMap(sink -> sink.received().stream())
                .map(Event::id)
                .toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith(cron.id("beat") + ":"));
        StreamInfo journal = CronSluice.stream(stream);
        // Both replicas published every tick; the stream stored one copy of each.
        assertThat(journal.getStreamState().getLastSequence())
                .isLessThanOrEqualTo(ids.size() + journal.getStreamState().getMsgCount());
    }

    @Test
    void deliversTheTickWithItsScheduledTimeDataAndConnectorHeaders() {
        startReplica(
                "sources: [{name: " + cron.id("beat") + ", type: cron-seconds, schedule: '*/1 * * * * *',"
                        + " time-zone: Europe/Berlin, event-type: com.example.beat, data: {report: sales},"
                        + " stream: " + stream + "}]\n",
                cron.id("seen"));
        ScriptedSinkFactory.Scripted sink = ScriptedSinkFactory.sink(cron.id("seen"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !sink.received().isEmpty());

        Event tick = sink.received().get(0);
        assertThat(tick.source()).isEqualTo("/cron/" + cron.id("beat"));
        assertThat(tick.type()).isEqualTo("com.example.beat");
        assertThat(tick.subject()).isEqualTo("*/1 * * * * *");
        assertThat(tick.time()).isEqualTo(Instant.ofEpochSecond(epochSecond(tick)));
        assertThat(tick.headers().first("X-Topic")).isEqualTo("cron-function");
        assertThat(tick.headers().first("X-Connector")).isEqualTo("sluice-cron");
        assertThat(tick.dataAsJson()).isEqualTo(new JsonObject().put("report", "sales"));
    }

    @Test
    void createsItsJournalWithADuplicateWindowOfTwiceTheInterval() throws Exception {
        startReplica(
                "sources: [{name: " + cron.id("beat") + ", type: cron, schedule: '*/10 * * * *', stream: " + stream
                        + "}]\n",
                cron.id("seen"));

        StreamInfo journal = CronSluice.stream(stream);

        assertThat(journal.getConfiguration().getDuplicateWindow()).isEqualTo(Duration.ofMinutes(20));
        assertThat(journal.getConfiguration().getRetentionPolicy()).isEqualTo(RetentionPolicy.WorkQueue);
        assertThat(journal.getConfiguration().getSubjects()).containsExactly("sluice.cron." + cron.id("beat"));
    }
}
