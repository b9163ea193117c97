package io.sluice.connector.kafka;

/**
 * The headers a {@code kafka} source puts on every event, spelled as the OpenFaaS kafka-connector
 * sends them to functions, so a function written for that connector reads them unchanged.
 *
 * <p>Each record header {@code H} arrives as {@code X-Kafka-H}. A key or header value that is not
 * valid UTF-8 is sent base64-encoded, flagged by a companion header ending in {@code -Enc} with the
 * value {@link #BASE64}.
 */
public final class KafkaHeaders {

    /** The record's topic. */
    public static final String TOPIC = "X-Kafka-Topic";

    /** The record's topic again, under the name every OpenFaaS connector uses. */
    public static final String CONNECTOR_TOPIC = "X-Topic";

    /** The record's partition, in decimal. */
    public static final String PARTITION = "X-Kafka-Partition";

    /** The record's offset, in decimal. */
    public static final String OFFSET = "X-Kafka-Offset";

    /** The record's key; absent when the record has none. */
    public static final String KEY = "X-Kafka-Key";

    /** Present, with the value {@link #BASE64}, when {@link #KEY} is base64 of a binary key. */
    public static final String KEY_ENCODING = "X-Kafka-Key-Enc";

    /** The prefix of each record header's name. */
    public static final String HEADER_PREFIX = "X-Kafka-";

    /** The suffix of the companion header flagging a base64-encoded value. */
    public static final String ENCODING_SUFFIX = "-Enc";

    /** The encoding flag's value. */
    public static final String BASE64 = "b64";

    private KafkaHeaders() {}
}
