package io.sluice.connector.kafka.impl;

/** Describes why a Kafka client could not be built. */
final class ClientFailures {

    private ClientFailures() {}

    /**
     * The failure's message followed by its innermost cause's: the clients wrap the reason (an
     * invalid bootstrap address, a missing SASL setting) in a generic "Failed to construct".
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure || root.getMessage() == null
                ? String.valueOf(failure.getMessage())
                : failure.getMessage() + ": " + root.getMessage();
    }
}
