package io.sluice.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The table of metric families in {@code docs/metrics.md}: each family's name and type. */
final class MetricsReference {

    /** A table row: {@code | `name` | type | labels | meaning |}. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z_][a-z0-9_]*)` \\| (counter|gauge|summary) \\|");

    /** The suffixes Prometheus adds to a summary's own samples. */
    private static final Pattern SUMMARY_SAMPLE = Pattern.compile("(.+)_(sum|count)");

    private final Map<String, String> types;

    private MetricsReference(Map<String, String> types) {
        this.types = types;
    }

    static MetricsReference read() throws IOException {
        Matcher row = ROW.matcher(Files.readString(Repository.METRICS_DOC, StandardCharsets.UTF_8));
        Map<String, String> types = new TreeMap<>();
        while (row.find()) {
            if (types.put(row.group(1), row.group(2)) != null) {
                throw new AssertionError(Repository.METRICS_DOC + " lists " + row.group(1) + " twice");
            }
        }
        return new MetricsReference(types);
    }

    /** Family name to type ({@code counter}, {@code gauge} or {@code summary}). */
    Map<String, String> families() {
        return types;
    }

    /** Whether a sample name in a query, such as {@code x_seconds_count} of summary {@code x_seconds}, is listed. */
    boolean covers(String sample) {
        if (types.containsKey(sample)) {
            return true;
        }
        Matcher summary = SUMMARY_SAMPLE.matcher(sample);
        return summary.matches() && "summary".equals(types.get(summary.group(1)));
    }
}
