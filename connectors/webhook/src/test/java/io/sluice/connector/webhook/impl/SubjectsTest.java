package io.sluice.connector.webhook.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectsTest {

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
        assertThat(Subjects.matches(filter, subject)).isEqualTo(captured);
    }
}
