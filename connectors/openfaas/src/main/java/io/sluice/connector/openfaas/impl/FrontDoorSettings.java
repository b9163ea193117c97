package io.sluice.connector.openfaas.impl;

import io.sluice.config.ComponentConfig;
import java.time.Duration;
import java.util.Set;

/** The async front door's options; see the {@code source-openfaas-async-http} schema. */
record FrontDoorSettings(
        String pathPrefix,
        String stream,
        String subject,
        boolean createStream,
        long bodyLimit,
        Duration publishTimeout,
        int maxPending,
        Duration retryAfter) {

    static FrontDoorSettings from(ComponentConfig config) {
        config.rejectUnknown(Set.of(
                "path-prefix",
                "stream",
                "subject",
                "create-stream",
                "body-limit",
                "publish-timeout",
                "max-pending",
                "retry-after"));
        return new FrontDoorSettings(
                config.string("path-prefix", "/async-function"),
                config.string("stream", "faas-request"),
                config.string("subject", "faas-request"),
                config.bool("create-stream", true),
                config.bytes("body-limit", 512 * 1024),
                config.positiveDuration("publish-timeout", Duration.ofSeconds(5)),
                config.integer("max-pending", 512, 1, 100_000),
                config.positiveDuration("retry-after", Duration.ofSeconds(2)));
    }
}
