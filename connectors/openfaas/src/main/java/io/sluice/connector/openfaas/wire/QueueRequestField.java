package io.sluice.connector.openfaas.wire;

/**
 * The keys of Go's {@code types.QueueRequest}, in struct order, which is also the order Go writes
 * them in.
 */
enum QueueRequestField {
    HEADER("Header"),
    HOST("Host"),
    BODY("Body"),
    METHOD("Method"),
    PATH("Path"),
    QUERY_STRING("QueryString"),
    FUNCTION("Function"),
    QUEUE_NAME("QueueName"),
    ANNOTATIONS("Annotations"),
    LABELS("Labels"),
    ENVIRONMENT("Environment"),
    CALLBACK_URL("CallbackUrl"),
    UNKNOWN("");

    private final String key;

    QueueRequestField(String key) {
        this.key = key;
    }

    /** The JSON key as Go writes it. */
    String key() {
        return key;
    }

    /**
     * Go's {@code encoding/json} falls back to a case-insensitive match, so {@code "function"}
     * fills {@code Function}; since no two keys differ only in case, that is the whole rule.
     */
    static QueueRequestField forKey(String key) {
        for (QueueRequestField field : values()) {
            if (field != UNKNOWN && field.key.equalsIgnoreCase(key)) {
                return field;
            }
        }
        return UNKNOWN;
    }
}
