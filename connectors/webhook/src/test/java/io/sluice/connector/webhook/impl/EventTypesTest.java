package io.sluice.connector.webhook.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void gitHubEventsBecomeReverseDnsTypes() {
        assertThat(EventTypes.of("github", "push")).isEqualTo("com.github.push");
    }

    @Test
    void bodyTypesAreKeptAsSent() {
        assertThat(EventTypes.of("stripe", "invoice.paid")).isEqualTo("invoice.paid");
        assertThat(EventTypes.of("standard-webhooks", "user.created")).isEqualTo("user.created");
    }

    @Test
    void aDeliveryWithoutTypeGetsTheFallback() {
        assertThat(EventTypes.of("none", null)).isEqualTo("io.sluice.webhook");
        assertThat(EventTypes.of("github", " ")).isEqualTo("io.sluice.webhook");
    }
}
