package io.sluice.connector.webhook.verify.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Parses a signed Unix timestamp and rejects it when it lies further from now than the tolerance,
 * in the past (a replay) or in the future (a forged or badly skewed clock).
 */
final class TimestampWindow {

    /** At most 18 digits, so the value fits a long and subtracting it from now cannot overflow. */
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,18}");

    private final String header;
    private final Duration tolerance;

    TimestampWindow(String header, Duration tolerance) {
        this.header = header;
        this.tolerance = tolerance;
    }

    long parse(String text) {
        if (!UNIX_SECONDS.matcher(text).matches()) {
            throw VerificationFailure.malformed(header, "must be Unix time in whole seconds, but was '" + text + "'");
        }
        return Long.parseLong(text);
    }

    void check(long epochSeconds, Instant now) {
        long skew = now.getEpochSecond() - epochSeconds;
        if (Duration.ofSeconds(Math.abs(skew)).compareTo(tolerance) > 0) {
            String direction = skew > 0 ? "in the past" : "in the future";
            String detail = String.format(
                    "is %d s %s, beyond the tolerance of %d s", Math.abs(skew), direction, tolerance.toSeconds());
            throw VerificationFailure.outOfTolerance(header, detail);
        }
    }
}
