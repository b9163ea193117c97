package io.sluice.connector.openfaas.retry;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration}, which is how OpenFaaS writes every wait: {@code 10s}, {@code
 * 2m}, {@code 500ms}, {@code 1m30s}, {@code 1.5h}, {@code -3s}, {@code 0}.
 *
 * <p>A duration is an optional sign and one or more decimal numbers, each with an optional
 * fraction and a unit: {@code ns}, {@code us} ({@code µs}, {@code μs}), {@code ms}, {@code s},
 * {@code m}, {@code h}. The bare string {@code 0} is the only number allowed without a unit. The
 * arithmetic follows Go's, fractions included, so values agree to the nanosecond.
 */
public final class GoDurations {

    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L,
            "\u03bcs", 1_000L,
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    /** 2^63 as an unsigned long: the magnitude of the most negative duration. */
    private static final long TWO_TO_63 = Long.MIN_VALUE;

    private GoDurations() {}

    /**
     * @param text a Go duration string
     * @return the duration, possibly negative
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("invalid duration: null");
        }
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text, "expected a number and a unit, e.g. 10s");
        }
        long total = 0;
        int i = 0;
        while (i < s.length()) {
            Component component = readComponent(text, s, i);
            total += component.nanos;
            if (Long.compareUnsigned(total, TWO_TO_63) > 0 || Long.compareUnsigned(total, component.nanos) < 0) {
                throw invalid(text, "out of range (about ±292 years)");
            }
            i = component.end;
        }
        if (!negative && total == TWO_TO_63) {
            throw invalid(text, "out of range (about ±292 years)");
        }
        // For 2^63, negating wraps to Long.MIN_VALUE, which is exactly the value wanted.
        return Duration.ofNanos(negative ? -total : total);
    }

    /**
     * Go's {@code Duration.String()}: {@code 0s}, {@code 500ms}, {@code 1.5µs}, {@code 10s}, {@code
     * 2m0s}, {@code 1h30m0s}, for configuration echoes and messages an OpenFaaS operator recognises.
     *
     * @param duration a duration within ±292 years
     * @return the Go form
     */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        // Unsigned from here on, so that the magnitude of Long.MIN_VALUE is representable.
        long magnitude = nanos < 0 ? -nanos : nanos;
        String sign = nanos < 0 ? "-" : "";
        if (Long.compareUnsigned(magnitude, 1_000L) < 0) {
            return sign + magnitude + "ns";
        }
        if (Long.compareUnsigned(magnitude, 1_000_000L) < 0) {
            return sign + decimal(magnitude, 1_000L) + "\u00b5s";
        }
        if (Long.compareUnsigned(magnitude, 1_000_000_000L) < 0) {
            return sign + decimal(magnitude, 1_000_000L) + "ms";
        }
        long hours = Long.divideUnsigned(magnitude, 3_600_000_000_000L);
        long rest = Long.remainderUnsigned(magnitude, 3_600_000_000_000L);
        long minutes = rest / 60_000_000_000L;
        String seconds = decimal(rest % 60_000_000_000L, 1_000_000_000L) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        return minutes > 0 ? sign + minutes + "m" + seconds : sign + seconds;
    }

    /** {@code value / unit} with the fraction's trailing zeros dropped, as Go's {@code fmtFrac}. */
    private static String decimal(long value, long unit) {
        long whole = Long.divideUnsigned(value, unit);
        long fraction = Long.remainderUnsigned(value, unit);
        if (fraction == 0) {
            return Long.toUnsignedString(whole);
        }
        int digits = Long.toString(unit).length() - 1;
        String padded = String.format(Locale.ROOT, "%0" + digits + "d", fraction);
        int end = padded.length();
        while (padded.charAt(end - 1) == '0') {
            end--;
        }
        return Long.toUnsignedString(whole) + "." + padded.substring(0, end);
    }

    private record Component(long nanos, int end) {}

    private static Component readComponent(String text, String s, int start) {
        int i = start;
        long whole = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_TO_63, 10)) > 0) {
                throw invalid(text, "out of range (about ±292 years)");
            }
            whole = whole * 10 + (s.charAt(i) - '0');
            if (Long.compareUnsigned(whole, TWO_TO_63) > 0) {
                throw invalid(text, "out of range (about ±292 years)");
            }
            i++;
        }
        boolean hasWhole = i > start;
        long fraction = 0;
        double scale = 1;
        boolean hasFraction = false;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            int fractionStart = i;
            boolean overflow = false;
            for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                // Like Go, digits beyond int64 precision are read but no longer add precision.
                long next = fraction * 10 + (s.charAt(i) - '0');
                overflow = overflow
                        || Long.compareUnsigned(fraction, Long.MAX_VALUE / 10) > 0
                        || Long.compareUnsigned(next, TWO_TO_63) > 0;
                if (!overflow) {
                    fraction = next;
                    scale *= 10;
                }
            }
            hasFraction = i > fractionStart;
        }
        if (!hasWhole && !hasFraction) {
            throw invalid(text, "expected a digit at position " + (start + offset(text, s)));
        }
        int unitStart = i;
        while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
            i++;
        }
        if (i == unitStart) {
            throw invalid(text, "missing unit; use one of ns, us, ms, s, m, h");
        }
        String unitName = s.substring(unitStart, i);
        Long unit = UNITS.get(unitName);
        if (unit == null) {
            throw invalid(text, "unknown unit \"" + unitName + "\"; use one of ns, us, ms, s, m, h");
        }
        if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_TO_63, unit)) > 0) {
            throw invalid(text, "out of range (about ±292 years)");
        }
        long nanos = whole * unit;
        if (fraction != 0) {
            // Go converts through float64 here too, which is exact to the nanosecond for hours.
            nanos += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
            if (Long.compareUnsigned(nanos, TWO_TO_63) > 0) {
                throw invalid(text, "out of range (about ±292 years)");
            }
        }
        return new Component(nanos, i);
    }

    private static double unsignedToDouble(long value) {
        return value >= 0 ? value : (double) (value >>> 1) * 2.0;
    }

    private static int offset(String text, String s) {
        return text.length() - s.length();
    }

    private static boolean isDigit(char c) {
        return '0' <= c && c <= '9';
    }

    private static IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException("invalid duration \"" + text + "\": " + problem);
    }
}
