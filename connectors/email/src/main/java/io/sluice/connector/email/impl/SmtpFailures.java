package io.sluice.connector.email.impl;

import io.sluice.pipeline.SinkException;
import io.vertx.ext.mail.SMTPException;

/**
 * Says whether a failed send may pass later: an SMTP 4xx reply (greylisting, a full mailbox, a busy
 * server) and a lost or refused connection are transient; a 5xx reply (no such mailbox, rejected as
 * spam) and an address the client cannot even encode are permanent. The message names the server
 * and carries its reply, so the dead letter says why.
 */
final class SmtpFailures {

    private SmtpFailures() {}

    static SinkException classify(String server, Throwable failure) {
        if (failure instanceof SinkException) {
            return (SinkException) failure;
        }
        if (failure instanceof SMTPException) {
            SMTPException smtp = (SMTPException) failure;
            // The client's message reads "recipient address not accepted: 550 5.1.1 ...": the step
            // that failed, then the server's reply lines.
            String message = "SMTP server '" + server + "' refused the message ("
                    + smtp.getMessage().replace('\n', ' ') + ")";
            return smtp.isPermanent()
                    ? SinkException.permanent(message, failure)
                    : SinkException.transientFailure(message, null, failure);
        }
        if (failure instanceof IllegalArgumentException) {
            return SinkException.permanent(
                    "message for SMTP server '" + server + "' cannot be encoded: " + failure.getMessage(), failure);
        }
        return SinkException.transientFailure(
                "SMTP server '" + server + "' could not be reached or dropped the connection: " + failure,
                null,
                failure);
    }
}
