package io.sluice.connector.openfaas.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} value (RFC 7231 §7.1.3): delay-seconds, or an HTTP-date in any of
 * the three formats a recipient must accept (IMF-fixdate, RFC 850, asctime).
 */
final class RetryAfter {

    /** {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** {@code Sunday, 06-Nov-94 08:49:37 GMT}; two-digit years read as 1970–2069. */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(1970, 1, 1))
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** {@code Sun Nov  6 08:49:37 1994}. */
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern(
                    "EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(IMF_FIXDATE, RFC_850, ASCTIME);

    private RetryAfter() {}

    /**
     * @param value the header value
     * @param now the current time, to turn a date into a delay
     * @return the requested delay, zero for a date in the past; empty when {@code value} is neither
     *     form
     */
    static Optional<Duration> parse(String value, Instant now) {
        String trimmed = value.trim();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(c -> '0' <= c && c <= '9')) {
            // More digits than a long holds still means "longer than any cap".
            return Optional.of(
                    trimmed.length() > 18
                            ? Duration.ofSeconds(Long.MAX_VALUE)
                            : Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                Instant date = ZonedDateTime.parse(trimmed, format).toInstant();
                Duration delay = Duration.between(now, date);
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException ignored) {
                // Not this format; try the next, and fall back to backoff after the last.
            }
        }
        return Optional.empty();
    }
}
