package io.sluice.connector.kafka;

import io.sluice.config.ComponentConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Where and how a {@code kafka} sink writes: the topic, the record key, and the CloudEvents Kafka
 * binding mode.
 *
 * <h2>Keys</h2>
 * {@code key} names where a record's key comes from: {@code none} (no key: the producer spreads
 * records over partitions), {@code subject} or {@code id} (the event's), {@code extension:<name>}
 * (a CloudEvents extension; no key when the event lacks it) or {@code field:<path>} (a dotted path
 * into the event's JSON data; an event without the field is dead-lettered). The default, {@code
 * extension:partitionkey}, is the binding's key mapper: events carrying the {@code partitionkey}
 * extension keep their partition, others get no key.
 *
 * @param bootstrapServers {@code host:port} pairs, comma-separated
 * @param topic the topic every record goes to, or {@code null} when {@code topicField} is set
 * @param topicField a dotted path into the event's JSON data naming the topic, or {@code null}
 * @param key where the record key comes from, as written in the option
 * @param structured whether records carry the whole event as JSON (structured mode) rather than
 *     the data with {@code ce_} headers (binary mode, the default)
 * @param sendTimeout the core's {@code timeout} for one send, which the producer's own timeouts stay
 *     within
 * @param kafka native producer properties passed through from {@code kafka:}
 */
public record KafkaSinkSettings(
        String bootstrapServers,
        String topic,
        String topicField,
        String key,
        boolean structured,
        Duration sendTimeout,
        Map<String, String> kafka) {

    /** The sink's own option names, for {@link ComponentConfig#rejectUnknown}, with the shared ones. */
    public static final Set<String> KEYS = Set.of(
            "bootstrap-servers",
            "topic",
            "topic-field",
            "key",
            "mode",
            "kafka",
            "concurrency",
            "timeout",
            "rate",
            "retry",
            "circuit-breaker");

    private static final Map<String, String> RESERVED = Map.of(
            "bootstrap.servers", "is set with 'bootstrap-servers'",
            "key.serializer", "must not be set: keys are written as bytes",
            "value.serializer", "must not be set: values are written as bytes");

    /** A dotted path: names without whitespace, separated by single dots. */
    private static final Pattern DOTTED_PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

    public KafkaSinkSettings {
        kafka = Map.copyOf(kafka);
    }

    /**
     * Reads and checks the options.
     *
     * @throws io.sluice.config.ConfigException naming the bad option
     */
    public static KafkaSinkSettings from(ComponentConfig config) {
        String topic = config.string("topic", null);
        String topicField = config.string("topic-field", null);
        if ((topic == null) == (topicField == null)) {
            throw config.problem("topic", "exactly one of 'topic' and 'topic-field' is required", null);
        }
        if (topicField != null && !DOTTED_PATH.matcher(topicField).matches()) {
            throw config.problem("topic-field", "must be a dotted path such as route.topic", topicField);
        }
        String key = config.string("key", "extension:partitionkey");
        if (!key.matches("none|subject|id|extension:[a-z0-9]{1,20}")
                && !(key.startsWith("field:")
                        && DOTTED_PATH.matcher(key.substring("field:".length())).matches())) {
            throw config.problem(
                    "key",
                    "must be none, subject, id, extension:<name> or field:<dotted path> (such as field:customer.id)",
                    key);
        }
        Map<String, String> kafka = ClientOptions.read(config, RESERVED);
        ClientOptions.check(
                config,
                kafka,
                ProducerConfig.configDef(),
                Map.of("key.serializer", ByteArraySerializer.class, "value.serializer", ByteArraySerializer.class));
        checkIdempotence(config, kafka);
        return new KafkaSinkSettings(
                KafkaSourceSettings.bootstrapServers(config),
                topic,
                topicField,
                key,
                config.oneOf("mode", "binary", "binary", "structured").equals("structured"),
                // The core reads this shared key too, with the same default.
                config.positiveDuration("timeout", Duration.ofSeconds(30)),
                kafka);
    }

    /**
     * The producer is idempotent unless told otherwise, and an idempotent producer refuses to start
     * with a weaker {@code acks}, more than 5 requests in flight per connection, or no retries.
     */
    private static void checkIdempotence(ComponentConfig config, Map<String, String> kafka) {
        if ("false"
                .equalsIgnoreCase(
                        kafka.getOrDefault("enable.idempotence", "true").trim())) {
            return;
        }
        String unless = " while the producer is idempotent (the default); set enable.idempotence: false as well"
                + " to allow it, and with it duplicates on retries";
        String acks = kafka.getOrDefault("acks", "all").trim();
        if (!acks.equals("all") && !acks.equals("-1")) {
            throw config.section("kafka").problem("acks", "must be all" + unless, acks);
        }
        String inFlight = kafka.get("max.in.flight.requests.per.connection");
        if (inFlight != null && Integer.parseInt(inFlight.trim()) > 5) {
            throw config.section("kafka")
                    .problem("max.in.flight.requests.per.connection", "must be at most 5" + unless, inFlight);
        }
        String retries = kafka.get("retries");
        if (retries != null && Integer.parseInt(retries.trim()) == 0) {
            throw config.section("kafka").problem("retries", "must not be 0" + unless, retries);
        }
    }

    /**
     * The native producer configuration: the pass-through properties over Sluice's defaults. {@code
     * acks=all} and {@code enable.idempotence=true}, so an acknowledged record survives a broker
     * failure and the producer's own retries never write it twice. The producer gives a record up
     * (waiting for metadata, {@code max.block.ms}, then {@code delivery.timeout.ms}) before the core's
     * {@code timeout}, so a send the core times out and tries again is no longer in flight, which
     * would write it twice.
     */
    public Map<String, Object> producerConfig() {
        long timeout = sendTimeout.toMillis();
        long request = Math.max(500, timeout / 3);
        Map<String, Object> config = new HashMap<>();
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        config.put("request.timeout.ms", Long.toString(request));
        config.put("max.block.ms", Long.toString(request));
        config.put("delivery.timeout.ms", Long.toString(Math.max(request, timeout - request - 1000)));
        config.putAll(kafka);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }
}
