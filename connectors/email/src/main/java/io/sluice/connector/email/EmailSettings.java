package io.sluice.connector.email;

import io.sluice.config.ComponentConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The resolved options of one {@code type: email} sink. Templates stay as text here; the sink
 * compiles them at start-up.
 *
 * @param host the SMTP server
 * @param port its port; default 25
 * @param starttls {@code disabled}, {@code optional} (upgrade when offered) or {@code required}
 * @param ssl whether to speak TLS from the first byte (port 465)
 * @param username the login, or {@code null} for none
 * @param password the password ({@code ${secret:…}}), or {@code null}
 * @param from the sender address
 * @param to fixed recipients; may be empty when {@code toField} is set
 * @param toField a dotted path into the event's JSON data holding more recipients (a string, comma
 *     separated, or a list), or {@code null}
 * @param subject the subject template
 * @param text the plain-text body template, or {@code null}
 * @param html the HTML body template, or {@code null}
 * @param poolSize SMTP connections kept open; the sink's {@code concurrency}
 * @param dedupe where the dedupe record lives
 */
public record EmailSettings(
        String host,
        int port,
        String starttls,
        boolean ssl,
        String username,
        String password,
        String from,
        List<String> to,
        String toField,
        String subject,
        String text,
        String html,
        int poolSize,
        Dedupe dedupe) {

    /** The options this sink reads, besides the core's shared sink keys. */
    public static final Set<String> KEYS = Set.of(
            "host",
            "port",
            "starttls",
            "ssl",
            "username",
            "password",
            "from",
            "to",
            "to-field",
            "subject",
            "text",
            "html",
            "dedupe");

    /**
     * The dedupe record: a JetStream key-value bucket every replica shares.
     *
     * @param bucket the bucket, created when absent
     * @param ttl how long a record is kept; a redelivery after that sends again
     * @param claimTimeout how long a "sending" claim blocks other attempts; after it lapses (the
     *     claiming process died) another attempt takes the claim over
     * @param replicas the bucket's replicas when it is created
     */
    public record Dedupe(String bucket, Duration ttl, Duration claimTimeout, int replicas) {

        static Dedupe from(ComponentConfig dedupe) {
            dedupe.rejectUnknown(Set.of("bucket", "ttl", "claim-timeout", "replicas"));
            return new Dedupe(
                    dedupe.string("bucket", "sluice-email-sent"),
                    dedupe.positiveDuration("ttl", Duration.ofDays(7)),
                    dedupe.positiveDuration("claim-timeout", Duration.ofMinutes(2)),
                    dedupe.integer("replicas", 1, 1, 5));
        }
    }

    /**
     * Reads and checks the options.
     *
     * @throws io.sluice.config.ConfigException naming the bad option
     */
    public static EmailSettings from(ComponentConfig config) {
        List<String> to = config.strings("to", List.of());
        String toField = config.string("to-field", null);
        if (to.isEmpty() && toField == null) {
            throw config.problem("to", "is required unless 'to-field' names the recipients in the data", null);
        }
        String text = config.string("text", null);
        String html = config.string("html", null);
        if (text == null && html == null) {
            throw config.problem("text", "or 'html' is required: a message needs a body", null);
        }
        boolean ssl = config.bool("ssl", false);
        return new EmailSettings(
                config.requiredString("host"),
                config.integer("port", 25, 1, 65_535),
                config.oneOf("starttls", "optional", "disabled", "optional", "required"),
                ssl,
                config.string("username", null),
                config.string("password", null),
                config.requiredString("from"),
                List.copyOf(to),
                toField,
                config.requiredString("subject"),
                text,
                html,
                config.integer("concurrency", 16, 1, 10_000),
                Dedupe.from(config.section("dedupe")));
    }

    /** Names the server and sender; never the password. */
    @Override
    public String toString() {
        return "EmailSettings{host='" + host + "', port=" + port + ", starttls=" + starttls + ", ssl=" + ssl
                + ", username=" + (username == null ? "none" : "'" + username + "'") + ", from='" + from
                + "', to=" + to + ", to-field=" + toField + ", dedupe-bucket='" + dedupe.bucket() + "'}";
    }
}
