package io.sluice.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Writes a Dropwizard registry in the Prometheus text exposition format (version 0.0.4).
 *
 * <p>Counters and meters become {@code counter}s, gauges {@code gauge}s, and histograms and timers
 * {@code summary}s with the 0.5, 0.9, 0.99 and 0.999 quantiles; timers are in seconds. Labels come
 * from names built with {@link MetricNames#name}.
 */
public final class PrometheusText {

    /** The media type of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};
    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private PrometheusText() {}

    /** Renders every metric of the registry, grouped by family. */
    public static String write(MetricRegistry registry) {
        Map<String, Map<String, Metric>> families = new TreeMap<>();
        registry.getMetrics()
                .forEach((name, metric) -> families.computeIfAbsent(MetricNames.family(name), f -> new TreeMap<>())
                        .put(name, metric));
        StringBuilder out = new StringBuilder(4096);
        families.forEach((family, metrics) -> writeFamily(out, family, metrics));
        return out.toString();
    }

    private static void writeFamily(StringBuilder out, String family, Map<String, Metric> metrics) {
        Metric first = metrics.values().iterator().next();
        out.append("# TYPE ").append(family).append(' ').append(typeOf(first)).append('\n');
        metrics.forEach((name, metric) -> {
            String labels = MetricNames.labels(name);
            if (metric instanceof Counter) {
                sample(out, family, labels, ((Counter) metric).getCount());
            } else if (metric instanceof Meter) {
                sample(out, family, labels, ((Meter) metric).getCount());
            } else if (metric instanceof Gauge) {
                Object value = ((Gauge<?>) metric).getValue();
                if (value instanceof Number) {
                    sample(out, family, labels, ((Number) value).doubleValue());
                } else if (value instanceof Boolean) {
                    sample(out, family, labels, (Boolean) value ? 1 : 0);
                }
            } else if (metric instanceof Timer) {
                Timer timer = (Timer) metric;
                summary(out, family, labels, timer.getSnapshot(), timer.getCount(), NANOS_PER_SECOND);
            } else if (metric instanceof Histogram) {
                Histogram histogram = (Histogram) metric;
                summary(out, family, labels, histogram.getSnapshot(), histogram.getCount(), 1);
            }
        });
    }

    private static String typeOf(Metric metric) {
        if (metric instanceof Counter || metric instanceof Meter) {
            return "counter";
        }
        if (metric instanceof Timer || metric instanceof Histogram) {
            return "summary";
        }
        return "gauge";
    }

    private static void summary(
            StringBuilder out, String family, String labels, Snapshot snapshot, long count, double divisor) {
        for (double quantile : QUANTILES) {
            String withQuantile = (labels.isEmpty() ? "" : labels + ",") + "quantile=\"" + quantile + "\"";
            sample(out, family, withQuantile, snapshot.getValue(quantile) / divisor);
        }
        sample(out, family + "_count", labels, count);
        sample(out, family + "_sum", labels, snapshot.getMean() * count / divisor);
    }

    private static void sample(StringBuilder out, String family, String labels, double value) {
        out.append(family);
        if (!labels.isEmpty()) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ');
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(value);
        }
        out.append('\n');
    }
}
