package io.sluice.connector.kafka.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the Kafka broker the integration tests talk to is: {@code KAFKA_BOOTSTRAP}, written by
 * {@code scripts/kafka.sh start} to {@code /tmp/sluice-services/kafka.env}. Like {@link
 * io.sluice.testing.TestServices}: without it a test is skipped on a developer machine and fails in
 * CI ({@code CI=true}), where it must run.
 */
public final class KafkaTestServices {

    private KafkaTestServices() {}

    /** The bootstrap servers, e.g. {@code 127.0.0.1:9092}. */
    public static String kafkaBootstrap() {
        String value = System.getenv("KAFKA_BOOTSTRAP");
        if (value == null || value.isEmpty()) {
            String hint = "KAFKA_BOOTSTRAP is not set: run `bash scripts/kafka.sh start && source "
                    + "/tmp/sluice-services/kafka.env` first";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(hint);
            }
            Assumptions.abort(hint);
        }
        return value;
    }
}
