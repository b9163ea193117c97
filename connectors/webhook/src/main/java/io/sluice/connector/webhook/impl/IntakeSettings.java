package io.sluice.connector.webhook.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.nats.PullSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The options every journaled HTTP source shares: where it listens, what it takes, and the journal
 * it writes accepted deliveries to and consumes them from.
 *
 * @param path the public path; POST only
 * @param bodyLimit larger bodies get 413
 * @param contentTypes accepted media types (lower case, no parameters); empty accepts any
 * @param dedupeWindow how long JetStream remembers a delivery id ({@code duplicate_window})
 * @param retryAfter sent with every 503
 * @param maxPending the bound on unconfirmed publishes, and on the journal's undelivered backlog
 *     while the routes are full
 * @param publishTimeout how long to wait for the journal's acknowledgement before answering 503
 * @param pull how the source consumes its journal; it creates the stream itself
 * @param captured what a new journal stream captures: {@code sluice.<prefix>.>} for the default
 *     stream and a subject under it, so that every source sharing it is captured; else the subject
 */
record IntakeSettings(
        String path,
        long bodyLimit,
        List<String> contentTypes,
        Duration dedupeWindow,
        Duration retryAfter,
        int maxPending,
        Duration publishTimeout,
        PullSettings pull,
        String captured) {

    /** The option names read here. */
    static final Set<String> KEYS = Set.of(
            "path",
            "body-limit",
            "content-types",
            "dedupe-window",
            "stream",
            "subject",
            "durable",
            "max-inflight",
            "ack-wait",
            "fetch-batch",
            "fetch-wait",
            "retry-after",
            "max-pending",
            "publish-timeout");

    private static final long MIB = 1024 * 1024;
    // Route parameters (':') and wildcards ('*') would make the router match other paths too.
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()+,;=@/-]*");

    /**
     * Reads the shared options.
     *
     * @param prefix the default path and stream prefix, e.g. {@code hooks} for {@code /hooks/<name>},
     *     stream {@code sluice-hooks}, subject {@code sluice.hooks.<name>}, durable {@code
     *     sluice-hooks-<name>}
     * @param dedupeWindow the default {@code dedupe-window}
     * @throws io.sluice.config.ConfigException naming the bad option
     */
    static IntakeSettings from(ComponentConfig config, String prefix, Duration dedupeWindow) {
        String name = config.name();
        String path = config.string("path", "/" + prefix + "/" + name);
        if (!PATH.matcher(path).matches()) {
            throw config.problem("path", "must be an absolute path without ':' or '*'", path);
        }
        String stream = "sluice-" + prefix;
        String under = "sluice." + prefix + ".";
        PullSettings read = PullSettings.from(config, stream, under + name, "sluice-" + prefix + "-" + name, 64);
        PullSettings pull = new PullSettings(
                read.stream(),
                read.subject(),
                read.durable(),
                false,
                read.maxInflight(),
                read.ackWait(),
                read.fetchBatch(),
                read.fetchWait());
        return new IntakeSettings(
                path,
                bodyLimit(config),
                contentTypes(config),
                config.positiveDuration("dedupe-window", dedupeWindow),
                config.positiveDuration("retry-after", Duration.ofSeconds(5)),
                config.integer("max-pending", 1000, 1, 1_000_000),
                config.positiveDuration("publish-timeout", Duration.ofSeconds(5)),
                pull,
                captured(pull, stream, under));
    }

    private static String captured(PullSettings pull, String defaultStream, String under) {
        String subject = pull.subject();
        boolean plain = !subject.contains("*") && !subject.contains(">");
        boolean shared = pull.stream().equals(defaultStream) && subject.startsWith(under) && plain;
        return shared ? under + ">" : subject;
    }

    private static long bodyLimit(ComponentConfig config) {
        long limit = config.bytes("body-limit", MIB);
        if (limit < 1) {
            throw config.problem("body-limit", "must be at least 1 byte", limit);
        }
        return limit;
    }

    private static List<String> contentTypes(ComponentConfig config) {
        return config.strings("content-types", List.of()).stream()
                .map(IntakeSettings::mediaType)
                .collect(Collectors.toUnmodifiableList());
    }

    /** The media type of a Content-Type value: lower case, without parameters. */
    static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }
}
