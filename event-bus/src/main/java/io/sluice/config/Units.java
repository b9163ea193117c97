package io.sluice.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h30m}) and sizes ({@code
 * 1MiB}).
 */
public final class Units {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern SIZE =
            Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?", Pattern.CASE_INSENSITIVE);

    private Units() {}

    /**
     * Parses a duration written as a sequence of number-unit pairs (units ms, s, m, h, d), as Go
     * and OpenFaaS write them.
     *
     * @throws IllegalArgumentException when the text is not such a duration
     */
    public static Duration duration(String text) {
        String trimmed = text.trim();
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION_PART.matcher(trimmed);
        long millis = 0;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            double amount = Double.parseDouble(matcher.group(1));
            millis += (long) (amount * unitMillis(matcher.group(2)));
            end = matcher.end();
        }
        if (end == 0 || end != trimmed.length()) {
            throw new IllegalArgumentException("must be a duration such as 500ms, 30s, 2m or 1h30m");
        }
        return Duration.ofMillis(millis);
    }

    /**
     * Parses a size in bytes: a plain number, or a number with a unit (B, KB, KiB, MB, MiB, GB,
     * GiB).
     *
     * @throws IllegalArgumentException when the text is not such a size
     */
    public static long bytes(String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a size such as 262144, 256KiB or 1MiB");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
        switch (unit) {
            case "kb":
                return amount * 1000;
            case "kib":
                return amount * 1024;
            case "mb":
                return amount * 1000 * 1000;
            case "mib":
                return amount * 1024 * 1024;
            case "gb":
                return amount * 1000 * 1000 * 1000;
            case "gib":
                return amount * 1024 * 1024 * 1024;
            default:
                return amount;
        }
    }

    private static long unitMillis(String unit) {
        switch (unit) {
            case "ms":
                return 1;
            case "s":
                return 1000;
            case "m":
                return 60_000;
            case "h":
                return 3_600_000;
            default:
                return 86_400_000;
        }
    }
}
