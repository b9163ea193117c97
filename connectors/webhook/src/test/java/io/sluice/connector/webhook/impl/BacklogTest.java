package io.sluice.connector.webhook.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BacklogTest {

    @Test
    void aFullRouteAloneIsNoReasonToRefuse() {
        Backlog backlog = new Backlog(10);
        backlog.polled(9);

        assertThat(backlog.refusal(0)).isNull();
    }

    @Test
    void refusesWhileRoutesAreFullAndTheBacklogReachedTheBound() {
        Backlog backlog = new Backlog(10);
        backlog.polled(9);
        backlog.publishStarted();
        backlog.publishEnded(true);

        assertThat(backlog.refusal(0)).contains("max-pending 10");
        assertThat(backlog.refusal(1)).isNull();
    }

    @Test
    void aDuplicateOrFailedPublishDoesNotGrowTheBacklog() {
        Backlog backlog = new Backlog(1);
        backlog.publishStarted();
        backlog.publishEnded(false);

        assertThat(backlog.refusal(0)).isNull();
    }

    @Test
    void refusesWhenTooManyPublishesAwaitTheirAcknowledgementWhateverTheRoutes() {
        Backlog backlog = new Backlog(2);
        backlog.publishStarted();
        backlog.publishStarted();

        assertThat(backlog.refusal(100)).contains("waiting for the journal");
    }

    @Test
    void aNewPollReplacesTheEstimate() {
        Backlog backlog = new Backlog(2);
        backlog.publishStarted();
        backlog.publishEnded(true);
        backlog.publishStarted();
        backlog.publishEnded(true);

        backlog.pollStarted();
        backlog.polled(0);

        assertThat(backlog.refusal(0)).isNull();
    }
}
