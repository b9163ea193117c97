package io.sluice.connector.postgres.impl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Turns PostgreSQL's text output of dates and times (the {@code ISO} DateStyle every driver sets)
 * into the ISO 8601 forms {@code to_jsonb} writes, so change events read like webhook bodies.
 */
final class PgText {

    private static final DateTimeFormatter TIMESTAMPTZ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendOffset("+HH:mm", "Z")
            .toFormatter();

    private PgText() {}

    /**
     * Parses a commit time such as {@code 2024-03-08 13:14:16.417+00}.
     *
     * @return the instant, or {@code null} when the text is absent or not such a time
     */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, TIMESTAMPTZ).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code 2024-03-08 13:14:16.417+00} becomes {@code 2024-03-08T13:14:16.417+00:00}; {@code
     * infinity} and BC dates are left as they are.
     */
    static String timestamptz(String text) {
        String iso = timestamp(text);
        int sign = Math.max(iso.lastIndexOf('+'), iso.lastIndexOf('-'));
        if (sign > iso.indexOf('T') && iso.indexOf('T') > 0 && iso.length() - sign == 3) {
            return iso + ":00";
        }
        return iso;
    }

    /** {@code 2024-03-08 13:14:16} becomes {@code 2024-03-08T13:14:16}. */
    static String timestamp(String text) {
        if (text.length() > 10 && text.charAt(10) == ' ' && Character.isDigit(text.charAt(0))) {
            return text.substring(0, 10) + "T" + text.substring(11);
        }
        return text;
    }
}
