package io.sluice.metrics;

/**
 * Names Dropwizard metrics so that {@link PrometheusText} can export them with labels.
 *
 * <p>Dropwizard names are flat strings, and the usual bridges derive labels by splitting them on
 * dots, which breaks on values that contain dots (OpenFaaS names functions {@code fn.namespace}).
 * Sluice therefore writes the labels into the name in Prometheus form, {@code
 * family{label="value"}}, and the exporter reads them back.
 */
public final class MetricNames {

    private MetricNames() {}

    /**
     * Builds {@code family{k1="v1",k2="v2"}} from a family and label name-value pairs.
     *
     * @throws IllegalArgumentException when the pairs are odd in number
     */
    public static String name(String family, String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name-value pairs, got " + labels.length + " strings");
        }
        if (labels.length == 0) {
            return family;
        }
        StringBuilder name = new StringBuilder(family).append('{');
        for (int i = 0; i < labels.length; i += 2) {
            if (i > 0) {
                name.append(',');
            }
            name.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
        }
        return name.append('}').toString();
    }

    /** The family part of a name built by {@link #name}. */
    public static String family(String name) {
        int brace = name.indexOf('{');
        return brace < 0 ? name : name.substring(0, brace);
    }

    /** The label part of a name built by {@link #name}, without braces; empty when none. */
    public static String labels(String name) {
        int brace = name.indexOf('{');
        return brace < 0 ? "" : name.substring(brace + 1, name.length() - 1);
    }

    private static String escape(String value) {
        String text = value == null ? "" : value;
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
