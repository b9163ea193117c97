package io.sluice.connector.cron.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Schedule crontab(String expression, ZoneId zone) {
        return Schedule.parse(expression, zone, ScheduleSyntax.CRONTAB);
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static List<Instant> ticks(Schedule schedule, Instant after, int count) {
        List<Instant> ticks = new ArrayList<>();
        Instant from = after;
        for (int i = 0; i < count; i++) {
            from = schedule.next(from).orElseThrow();
            ticks.add(from);
        }
        return ticks;
    }

    @Test
    void dailyTickKeepsItsLocalTimeWhenBerlinClocksGoForward() {
        Schedule nineOClock = crontab("0 9 * * *", BERLIN);

        List<Instant> ticks = ticks(nineOClock, at("2024-03-30T12:00:00+01:00"), 2);

        assertThat(ticks).containsExactly(at("2024-03-31T09:00:00+02:00"), at("2024-04-01T09:00:00+02:00"));
    }

    @Test
    void tickInTheSkippedHourDoesNotFireOnTheDayBerlinClocksGoForward() {
        Schedule halfPastTwo = crontab("30 2 * * *", BERLIN);

        List<Instant> ticks = ticks(halfPastTwo, at("2024-03-30T00:00:00+01:00"), 2);

        assertThat(ticks).containsExactly(at("2024-03-30T02:30:00+01:00"), at("2024-04-01T02:30:00+02:00"));
    }

    @Test
    void hourlyTickFiresForEachRealHourWhenBerlinClocksGoBack() {
        Schedule hourly = crontab("0 * * * *", BERLIN);

        List<Instant> ticks = ticks(hourly, at("2024-10-27T00:30:00+02:00"), 4);

        assertThat(ticks)
                .containsExactly(
                        at("2024-10-27T01:00:00+02:00"),
                        at("2024-10-27T02:00:00+02:00"),
                        at("2024-10-27T02:00:00+01:00"),
                        at("2024-10-27T03:00:00+01:00"));
    }

    @Test
    void fixedLocalTimeFiresOnceInTheHourBerlinRepeats() {
        Schedule halfPastTwo = crontab("30 2 * * *", BERLIN);

        List<Instant> ticks = ticks(halfPastTwo, at("2024-10-27T00:00:00+02:00"), 2);

        assertThat(ticks).containsExactly(at("2024-10-27T02:30:00+02:00"), at("2024-10-28T02:30:00+01:00"));
    }

    @Test
    void nextTickIsStrictlyLaterAndOnAWholeSecond() {
        Schedule everyMinute = crontab("* * * * *", ZoneOffset.UTC);
        Schedule everySecond = Schedule.parse("* * * * * *", ZoneOffset.UTC, SecondsCronSourceFactory.SECONDS);

        assertThat(everyMinute.next(at("2024-05-01T10:00:00Z"))).contains(at("2024-05-01T10:01:00Z"));
        assertThat(everyMinute.next(at("2024-05-01T10:00:59.999Z"))).contains(at("2024-05-01T10:01:00Z"));
        assertThat(everySecond.next(at("2024-05-01T10:00:00.500Z"))).contains(at("2024-05-01T10:00:01Z"));
    }

    @Test
    void descriptorsMeanTheirFiveFieldExpressions() {
        Instant from = at("2024-05-15T10:20:00Z");
        String[][] pairs = {
            {"@yearly", "0 0 1 1 *"},
            {"@annually", "0 0 1 1 *"},
            {"@monthly", "0 0 1 * *"},
            {"@weekly", "0 0 * * 0"},
            {"@daily", "0 0 * * *"},
            {"@midnight", "0 0 * * *"},
            {"@hourly", "0 * * * *"}
        };

        for (String[] pair : pairs) {
            assertThat(ticks(crontab(pair[0], BERLIN), from, 3))
                    .as(pair[0])
                    .isEqualTo(ticks(crontab(pair[1], BERLIN), from, 3));
        }
    }

    @Test
    void fieldsMeanWhatCronUtilsUnixDefinitionMakesOfThem() {
        ScheduleSyntax unix = new ScheduleSyntax(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX), "unix");
        Instant from = at("2024-02-27T23:59:00Z");

        for (String expression : List.of("0 0 13 * 5", "*/7 9-17 * * MON-FRI", "15 3 29 2 *", "0 12 * JAN,JUL 7")) {
            assertThat(ticks(crontab(expression, BERLIN), from, 5))
                    .as(expression)
                    .isEqualTo(ticks(Schedule.parse(expression, BERLIN, unix), from, 5));
        }
    }

    @Test
    void rejectsExpressionsWithTheReasonAndWhatToWrite() {
        assertThatThrownBy(() -> crontab("61 * * * *", BERLIN))
                .hasMessageContaining("Value 61 not in range [0, 59]")
                .hasMessageContaining("5 fields 'minute hour day-of-month month day-of-week'");
        assertThatThrownBy(() -> crontab("* * * * * *", BERLIN)).hasMessageContaining("6 parts");
        assertThatThrownBy(() -> crontab("@reboot", BERLIN)).hasMessageContaining("@reboot");
        assertThatThrownBy(() -> crontab("@every 5m", BERLIN)).hasMessageStartingWith("@every is not supported");
        assertThatThrownBy(() -> crontab("0 0 30 2 *", BERLIN)).hasMessageStartingWith("never fires");
    }

    @Test
    void dedupeWindowIsTwiceTheIntervalWithinTwoMinutesAndAnHour() {
        Instant from = at("2024-05-15T10:20:30Z");

        assertThat(crontab("*/10 * * * *", BERLIN).dedupeWindow(from)).isEqualTo(Duration.ofMinutes(20));
        assertThat(crontab("* * * * *", BERLIN).dedupeWindow(from)).isEqualTo(Duration.ofMinutes(2));
        assertThat(crontab("@daily", BERLIN).dedupeWindow(from)).isEqualTo(Duration.ofHours(1));
        assertThat(Schedule.parse("* * * * * *", BERLIN, SecondsCronSourceFactory.SECONDS)
                        .dedupeWindow(from))
                .isEqualTo(Duration.ofMinutes(2));
    }
}
