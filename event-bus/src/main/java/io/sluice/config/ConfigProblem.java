package io.sluice.config;

/**
 * One thing wrong with a configuration: where it is (file, line, key), which rule it breaks, and
 * the offending value.
 *
 * @param file the configuration file, or {@code null} when the config did not come from a file
 * @param line the 1-based line of the key, or 0 when unknown
 * @param key the key as a JSON pointer, e.g. {@code /sources/0/max-inflight}
 * @param rule what the value must be, e.g. {@code must be an integer between 1 and 10000}
 * @param value the offending value as written, or {@code null} when the key is missing
 */
public record ConfigProblem(String file, int line, String key, String rule, String value) {

    /** Renders the problem as {@code file:line: key: rule (got value)}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file).append(':');
        }
        if (line > 0) {
            text.append(line).append(':');
        }
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(key.isEmpty() ? "/" : key).append(": ").append(rule);
        if (value != null) {
            text.append(" (got ").append(value).append(')');
        }
        return text.toString();
    }
}
