package io.sluice.connector.kafka;

import io.sluice.config.ComponentConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How a {@code kafka} source consumes: the consumer group, what it subscribes to, and the bounds on
 * records held unsettled. Option names follow the OpenFaaS kafka-connector's ({@code topics},
 * {@code group}, {@code initial_offset}) in Sluice's kebab-case.
 *
 * @param bootstrapServers {@code host:port} pairs, comma-separated
 * @param group the consumer group every replica joins; partitions are spread across its members
 * @param topics the topics to subscribe to; empty when {@code topicPattern} is set
 * @param topicPattern a regular expression over topic names, or {@code null}
 * @param initialOffset where a group with no committed offset starts: {@code oldest} or {@code newest}
 * @param maxInflight records held unsettled per replica, across all its partitions; the memory bound
 * @param ordered whether each partition has at most one record in flight, so its records reach the
 *     sinks in offset order
 * @param commitInterval how often settled offsets are committed (also on revoke and on stop)
 * @param kafka native consumer properties passed through from {@code kafka:}
 */
public record KafkaSourceSettings(
        String bootstrapServers,
        String group,
        List<String> topics,
        Pattern topicPattern,
        String initialOffset,
        int maxInflight,
        boolean ordered,
        Duration commitInterval,
        Map<String, String> kafka) {

    /** The source's own option names, for {@link ComponentConfig#rejectUnknown}. */
    public static final Set<String> KEYS = Set.of(
            "bootstrap-servers",
            "group",
            "topics",
            "topic-pattern",
            "initial-offset",
            "max-inflight",
            "ordered",
            "commit-interval",
            "kafka");

    /** A bootstrap entry as the Kafka client reads it: an optional listener prefix, host, port. */
    private static final Pattern HOST_PORT =
            Pattern.compile("(?:[A-Za-z0-9+.-]+://)?(\\[[0-9A-Fa-f:.]+\\]|[^\\s:/\\[\\]]+):([0-9]{1,5})");

    private static final Map<String, String> RESERVED = Map.of(
            "bootstrap.servers", "is set with 'bootstrap-servers'",
            "group.id", "is set with 'group'",
            "auto.offset.reset", "is set with 'initial-offset'",
            "enable.auto.commit", "must not be set: the source commits offsets only past settled records",
            "key.deserializer", "must not be set: keys are read as bytes",
            "value.deserializer", "must not be set: values are read as bytes");

    public KafkaSourceSettings {
        topics = List.copyOf(topics);
        kafka = Map.copyOf(kafka);
    }

    /**
     * Reads and checks the options.
     *
     * @throws io.sluice.config.ConfigException naming the bad option
     */
    public static KafkaSourceSettings from(ComponentConfig config) {
        List<String> topics = config.strings("topics", List.of());
        String pattern = config.string("topic-pattern", null);
        if (topics.isEmpty() == (pattern == null)) {
            throw config.problem("topics", "exactly one of 'topics' and 'topic-pattern' is required", null);
        }
        Map<String, String> kafka = ClientOptions.read(config, RESERVED);
        ClientOptions.check(
                config,
                kafka,
                ConsumerConfig.configDef(),
                Map.of(
                        "key.deserializer", ByteArrayDeserializer.class,
                        "value.deserializer", ByteArrayDeserializer.class));
        String group = config.string("group", "sluice-" + config.name());
        if (group.isBlank()) {
            // The broker refuses an empty group id on every join, and the consumer retries forever.
            throw config.problem("group", "must not be empty", group);
        }
        return new KafkaSourceSettings(
                bootstrapServers(config),
                group,
                topics,
                pattern == null ? null : compile(config, pattern),
                config.oneOf("initial-offset", "oldest", "oldest", "newest"),
                config.integer("max-inflight", 256, 1, 100_000),
                config.bool("ordered", false),
                config.positiveDuration("commit-interval", Duration.ofSeconds(1)),
                kafka);
    }

    /** Reads {@code bootstrap-servers}, a list or one comma-separated string; shared with the sink. */
    static String bootstrapServers(ComponentConfig config) {
        List<String> servers = config.strings("bootstrap-servers", List.of());
        if (servers.isEmpty()) {
            throw config.problem("bootstrap-servers", "is required", null);
        }
        List<String> entries = servers.stream()
                .flatMap(list -> List.of(list.split(",")).stream())
                .map(String::trim)
                .toList();
        for (String entry : entries) {
            Matcher match = HOST_PORT.matcher(entry);
            if (!match.matches() || Integer.parseInt(match.group(2)) > 65_535) {
                throw config.problem("bootstrap-servers", "each entry must be host:port, such as kafka:9092", entry);
            }
        }
        return String.join(",", entries);
    }

    private static Pattern compile(ComponentConfig config, String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw config.problem("topic-pattern", "must be a regular expression: " + e.getDescription(), pattern);
        }
    }

    /**
     * The native consumer configuration: the pass-through properties over Sluice's defaults. A poll
     * returns at most {@code max-inflight} records unless {@code max.poll.records} says otherwise, so
     * a stalled sink holds at most about twice {@code max-inflight} records in memory. Partitions are
     * assigned cooperatively, so a rebalance takes away only the partitions that move, and only
     * their records in flight are delivered again.
     */
    public Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("max.poll.records", Integer.toString(Math.min(500, maxInflight)));
        config.put("partition.assignment.strategy", CooperativeStickyAssignor.class.getName());
        config.putAll(kafka);
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", group);
        config.put("auto.offset.reset", initialOffset.equals("oldest") ? "earliest" : "latest");
        config.put("enable.auto.commit", "false");
        return config;
    }
}
