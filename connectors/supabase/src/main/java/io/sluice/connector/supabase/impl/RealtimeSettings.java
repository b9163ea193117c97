package io.sluice.connector.supabase.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.config.Units;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of a {@code supabase-realtime} source, read and checked once at start-up.
 *
 * @param url the socket endpoint without query, e.g. {@code wss://<ref>.supabase.co/realtime/v1/websocket}
 * @param apikey the project's API key, sent as the {@code apikey} query parameter
 * @param framing the protocol version ({@code vsn})
 * @param topic the channel's topic, {@code realtime:<name>}
 * @param bindings what the join asks for, in the order the reply must echo it
 * @param accessTokenFile a file holding a user JWT, re-read so that a rotated token is pushed; or
 *     {@code null} to let the apikey's claims apply
 * @param heartbeatInterval how often to heartbeat; a heartbeat unanswered at the next one ends the socket
 * @param reconnectBackoff the waits before each reconnect, the last one repeated
 * @param joinTimeout how long the handshake and the join reply may take
 * @param maxBuffer changes held while the routes are full before further ones are dropped
 */
record RealtimeSettings(
        URI url,
        String apikey,
        Framing framing,
        String topic,
        List<Binding> bindings,
        Path accessTokenFile,
        Duration heartbeatInterval,
        List<Duration> reconnectBackoff,
        Duration joinTimeout,
        int maxBuffer) {

    static final Set<String> KEYS = Set.of(
            "url",
            "apikey",
            "vsn",
            "topic",
            "changes",
            "access-token-file",
            "heartbeat-interval",
            "reconnect-backoff",
            "join-timeout",
            "max-buffer");
    private static final List<String> DEFAULT_BACKOFF = List.of("1s", "2s", "5s", "10s");

    RealtimeSettings {
        bindings = List.copyOf(bindings);
        reconnectBackoff = List.copyOf(reconnectBackoff);
    }

    /**
     * Reads the options.
     *
     * @throws io.sluice.config.ConfigException naming the bad option
     */
    static RealtimeSettings from(ComponentConfig config) {
        config.rejectUnknown(KEYS);
        String tokenFile = config.string("access-token-file", null);
        return new RealtimeSettings(
                url(config),
                config.requiredString("apikey"),
                Framing.of(config.oneOf("vsn", "2.0.0", "1.0.0", "2.0.0")),
                topic(config),
                bindings(config),
                tokenFile == null || tokenFile.isBlank() ? null : Path.of(tokenFile),
                config.positiveDuration("heartbeat-interval", Duration.ofSeconds(25)),
                backoff(config),
                config.positiveDuration("join-timeout", Duration.ofSeconds(10)),
                config.integer("max-buffer", 1000, 0, 1_000_000));
    }

    /** The socket URI: the url with {@code apikey} and {@code vsn} added to its query. */
    String socketUri() {
        String query = "apikey=" + URLEncoder.encode(apikey, StandardCharsets.UTF_8) + "&vsn=" + framing.vsn();
        return url + (url.getRawQuery() == null ? "?" : "&") + query;
    }

    /** The longest reconnect wait. */
    Duration maxBackoff() {
        return reconnectBackoff.stream().max(Duration::compareTo).orElseThrow();
    }

    private static URI url(ComponentConfig config) {
        String text = config.requiredString("url");
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw config.problem("url", "must be a ws:// or wss:// URL", text);
        }
        if (!("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme())) || uri.getHost() == null) {
            throw config.problem("url", "must be a ws:// or wss:// URL with a host", text);
        }
        String query = uri.getRawQuery() == null ? "" : "&" + uri.getRawQuery();
        if (query.contains("&apikey=") || query.contains("&vsn=")) {
            // Never echo the value: it would print the key.
            throw config.problem("url", "must not carry apikey or vsn; set the apikey and vsn options", null);
        }
        return uri;
    }

    private static String topic(ComponentConfig config) {
        String topic = config.string("topic", "realtime:sluice-" + config.name());
        if (!topic.startsWith("realtime:") || topic.length() == "realtime:".length()) {
            throw config.problem("topic", "must read realtime:<name>", topic);
        }
        return topic;
    }

    private static List<Binding> bindings(ComponentConfig config) {
        List<ComponentConfig> entries = config.sections("changes");
        if (entries.isEmpty()) {
            throw config.problem("changes", "needs at least one {event, schema, table, filter} entry", null);
        }
        List<Binding> bindings = new ArrayList<>();
        Set<Binding> seen = new HashSet<>();
        for (ComponentConfig entry : entries) {
            Binding binding = Binding.from(entry);
            if (!seen.add(binding)) {
                // Realtime gives identical bindings one id, so the second could never be told apart.
                throw config.problem("changes", "lists '" + binding + "' twice", null);
            }
            bindings.add(binding);
        }
        return bindings;
    }

    private static List<Duration> backoff(ComponentConfig config) {
        List<String> texts = config.strings("reconnect-backoff", DEFAULT_BACKOFF);
        if (texts.isEmpty()) {
            throw config.problem("reconnect-backoff", "needs at least one duration", texts);
        }
        List<Duration> waits = new ArrayList<>();
        for (String text : texts) {
            Duration wait;
            try {
                // A bare number means seconds, as for every other duration option.
                wait = text.matches("\\d+(\\.\\d+)?") ? Units.duration(text + "s") : Units.duration(text);
            } catch (IllegalArgumentException e) {
                throw config.problem("reconnect-backoff", e.getMessage(), text);
            }
            if (wait.isNegative() || wait.isZero()) {
                throw config.problem("reconnect-backoff", "must list positive durations", text);
            }
            waits.add(wait);
        }
        return waits;
    }
}
