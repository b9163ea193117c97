package io.sluice.connector.webhook.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connector.nats.JournalStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JournalSubjectsTest {

    @ParameterizedTest
    @CsvSource({
        "sluice.hooks.>, sluice.hooks.github, true",
        "sluice.hooks.>, sluice.hooks.a.b, true",
        "sluice.hooks.>, sluice.hooks, false",
        "sluice.*.github, sluice.hooks.github, true",
        "sluice.*.github, sluice.hooks.stripe, false",
        "sluice.hooks.github, sluice.hooks.github, true",
        "sluice.hooks.github, sluice.hooks.github.x, false",
        "sluice.hooks.*, sluice.hooks.>, false",
        "sluice.>, sluice.hooks.>, true"
    })
    void aStreamFilterCapturesASubjectWhenItMatchesEverySubjectTheSubjectMatches(
            String filter, String subject, boolean captured) {
        assertThat(JournalStreams.captures(filter, subject)).isEqualTo(captured);
    }
}
