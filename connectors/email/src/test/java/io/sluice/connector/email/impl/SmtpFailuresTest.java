package io.sluice.connector.email.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.pipeline.SinkException;
import io.vertx.ext.mail.SMTPException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpFailuresTest {

    @Test
    void replyIn4xxRangeIsTransient() {
        SMTPException greylisted =
                new SMTPException("recipient address not accepted", 451, List.of("451 4.7.1 later"), false);

        SinkException failure = SmtpFailures.classify("mx:25", greylisted);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("451 4.7.1 later");
    }

    @Test
    void replyIn5xxRangeIsPermanentAndCarriesTheReply() {
        SMTPException rejected =
                new SMTPException("recipient address not accepted", 550, List.of("550 5.1.1 no such user"), false);

        SinkException failure = SmtpFailures.classify("mx:25", rejected);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure)
                .hasMessage("SMTP server 'mx:25' refused the message (recipient address not accepted: "
                        + "550 5.1.1 no such user)");
    }

    @Test
    void lostConnectionIsTransient() {
        SinkException failure = SmtpFailures.classify("mx:25", new IOException("socket was closed unexpected."));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("mx:25");
    }

    @Test
    void addressTheClientCannotEncodeIsPermanent() {
        SinkException failure =
                SmtpFailures.classify("mx:25", new IllegalArgumentException("invalid email address [x]"));

        assertThat(failure.retryable()).isFalse();
    }
}
