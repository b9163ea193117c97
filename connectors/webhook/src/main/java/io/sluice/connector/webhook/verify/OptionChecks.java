package io.sluice.connector.webhook.verify;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rejects bad scheme options at construction, naming the option, the rule and the value.
 *
 * <p>Option names are the kebab-case configuration keys, so an operator can find the line to fix.
 */
final class OptionChecks {

    /** The {@code token} characters RFC 9110 allows in a field name. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private OptionChecks() {}

    static List<Secret> secrets(List<Secret> secrets) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("'secrets' must list at least one secret, but was " + secrets);
        }
        // A loop, not indexOf(null): immutable lists throw on a null query.
        for (int i = 0; i < secrets.size(); i++) {
            if (secrets.get(i) == null) {
                throw new IllegalArgumentException("'secrets' must not contain null, but element " + i + " was null");
            }
        }
        return List.copyOf(secrets);
    }

    static Duration tolerance(Duration tolerance) {
        if (tolerance == null || tolerance.isNegative()) {
            throw new IllegalArgumentException("'tolerance' must be zero or positive, but was " + tolerance);
        }
        return tolerance;
    }

    static String headerName(String option, String name) {
        if (name == null || !HEADER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + option + "' must be an HTTP header name, but was '" + name + "'");
        }
        return name;
    }
}
