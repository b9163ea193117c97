package io.sluice.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real services the integration tests talk to are: read from the environment that
 * {@code scripts/services.sh} writes ({@code NATS_URL}, {@code TEST_PG_URL}), and {@code
 * scripts/kafka.sh} ({@code KAFKA_BOOTSTRAP}).
 *
 * <p>No Docker engine runs on the machines this project is built on, so Testcontainers cannot
 * start the services; the project's scripts start them instead. Without the variables a test is
 * skipped on a developer machine, and fails in CI ({@code CI=true}), where it must run.
 */
public final class TestServices {

    private TestServices() {}

    /** The NATS URL, e.g. {@code nats://127.0.0.1:4222}. */
    public static String natsUrl() {
        return require("NATS_URL", "services.sh", "env");
    }

    /** The PostgreSQL URL, e.g. {@code postgresql://postgres@127.0.0.1:5432/sluice}. */
    public static String postgresUrl() {
        return require("TEST_PG_URL", "services.sh", "env");
    }

    /** The Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}. */
    public static String kafkaBootstrap() {
        return require("KAFKA_BOOTSTRAP", "kafka.sh", "kafka.env");
    }

    private static String require(String variable, String script, String envFile) {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            String hint = variable + " is not set: run `bash scripts/" + script + " start && source "
                    + "/tmp/sluice-services/" + envFile + "` first";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(hint);
            }
            Assumptions.abort(hint);
        }
        return value;
    }
}
