package io.sluice.connector.cron.impl;

import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A cron expression read in a time zone: the instants it names. Parsing and the next-time
 * computation are cron-utils'; this class only fixes the zone and the precision.
 *
 * <h2>Daylight saving time</h2>
 * Times are matched against the zone's local clock, so {@code 0 9 * * *} stays at 09:00 local
 * across a change. When clocks go forward, a local time in the skipped hour does not exist and does
 * not fire that day ({@code 30 2 * * *} in Europe/Berlin skips the last Sunday of March); when they go
 * back, a fixed local time fires once, at its first occurrence, while {@code 0 * * * *} fires for
 * each real hour, twice at the repeated local hour. Tick ids are epoch seconds, so the two stay
 * distinct.
 *
 * <p>Immutable and thread-safe.
 */
final class Schedule {

    private static final Duration WINDOW_FLOOR = Duration.ofMinutes(2);
    private static final Duration WINDOW_CAP = Duration.ofHours(1);

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;

    private Schedule(String expression, ZoneId zone, ExecutionTime times) {
        this.expression = expression;
        this.zone = zone;
        this.times = times;
    }

    /**
     * Parses and checks an expression.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what to write instead
     */
    static Schedule parse(String expression, ZoneId zone, ScheduleSyntax syntax) {
        String trimmed = expression.trim();
        if (trimmed.startsWith("@every")) {
            throw new IllegalArgumentException("@every is not supported; write the interval as " + syntax.forms()
                    + ", e.g. '*/5 * * * *' for every 5 minutes");
        }
        Cron cron;
        try {
            cron = new CronParser(syntax.definition()).parse(trimmed).validate();
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage().replace("Failed to parse cron expression. ", "");
            throw new IllegalArgumentException("is not a valid schedule (" + reason + "); write " + syntax.forms(), e);
        }
        Schedule schedule = new Schedule(trimmed, zone, ExecutionTime.forCron(cron));
        if (schedule.next(Instant.now()).isEmpty()) {
            throw new IllegalArgumentException("never fires: it names no time that will come (such as 30 February)");
        }
        return schedule;
    }

    /** The expression as written, without surrounding blanks. */
    String expression() {
        return expression;
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * The first scheduled instant strictly after {@code after}, on a whole second; empty when none
     * comes.
     */
    Optional<Instant> next(Instant after) {
        // cron-utils carries sub-second parts into the result; ticks are whole seconds on every replica.
        ZonedDateTime from = after.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
        return times.nextExecution(from).map(ZonedDateTime::toInstant);
    }

    /**
     * How long JetStream must remember tick ids: twice the gap between the next two ticks after
     * {@code from}, at least two minutes (replicas' clocks and timers disagree by
     * seconds, not more) and at most an hour (ids of rare ticks need not be kept for days: every
     * replica publishes a tick within a minute of its time or not at all).
     */
    Duration dedupeWindow(Instant from) {
        Optional<Instant> first = next(from);
        Optional<Instant> second = first.flatMap(this::next);
        if (second.isEmpty()) {
            return WINDOW_CAP;
        }
        Duration twice = Duration.between(first.get(), second.get()).multipliedBy(2);
        if (twice.compareTo(WINDOW_FLOOR) < 0) {
            return WINDOW_FLOOR;
        }
        return twice.compareTo(WINDOW_CAP) > 0 ? WINDOW_CAP : twice;
    }

    @Override
    public String toString() {
        return "'" + expression + "' in " + zone;
    }
}
