package io.sluice.connector.email.impl;

import io.sluice.connector.email.EmailSettings;
import io.sluice.connector.email.MessageIds;
import io.sluice.connector.email.SendLedger;
import io.sluice.connector.nats.NatsConnection;
import io.sluice.event.Event;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Delivery;
import io.sluice.pipeline.Sink;
import io.sluice.pipeline.SinkException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message per event: compose, claim the event's key in the dedupe record, send, record
 * the outcome. A key already marked sent is answered as delivered without sending, so a retry after
 * a lost acknowledgement, a redelivery or a replay of a delivered event never mails twice.
 *
 * <p>Called only on the sink's event loop; the SMTP client and the ledger complete there too.
 */
final class EmailSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(EmailSink.class);

    private final String name;
    private final EmailSettings settings;
    private final MailComposer composer;
    private final ComponentContext components;
    private final String server;
    private MailClient client;
    private SendLedger ledger;

    EmailSink(String name, EmailSettings settings, MailComposer composer, ComponentContext components) {
        this.name = name;
        this.settings = settings;
        this.composer = composer;
        this.components = components;
        this.server = settings.host() + ":" + settings.port();
    }

    @Override
    public Future<Void> start(Vertx vertx) {
        return NatsConnection.shared(components)
                .compose(nats -> KvSendLedger.open(vertx, nats.connection(), settings.dedupe()))
                .onSuccess(opened -> {
                    this.ledger = opened;
                    this.client = MailClient.create(vertx, mailConfig());
                    LOG.info(
                            "Email sink '{}' sends through SMTP server '{}' (starttls {}, ssl {}, login {}, {}"
                                    + " connections), dedupe bucket '{}'",
                            name,
                            server,
                            settings.starttls(),
                            settings.ssl(),
                            settings.username() == null ? "none" : "'" + settings.username() + "'",
                            settings.poolSize(),
                            settings.dedupe().bucket());
                })
                .mapEmpty();
    }

    private MailConfig mailConfig() {
        MailConfig config = new MailConfig()
                .setHostname(settings.host())
                .setPort(settings.port())
                .setSsl(settings.ssl())
                .setStarttls(StartTLSOptions.valueOf(settings.starttls().toUpperCase(Locale.ROOT)))
                .setMaxPoolSize(settings.poolSize())
                .setKeepAlive(true);
        if (settings.username() != null) {
            config.setLogin(LoginOption.REQUIRED)
                    .setUsername(settings.username())
                    .setPassword(settings.password());
        } else {
            config.setLogin(LoginOption.DISABLED);
        }
        return config;
    }

    @Override
    public Future<Delivery> send(Event event) {
        String key = MessageIds.key(event);
        MailMessage message;
        try {
            message = composer.compose(event, MessageIds.messageId(key));
        } catch (SinkException e) {
            return Future.failedFuture(e);
        }
        return ledger.claim(key).compose(claimed -> claimed ? deliver(event, key, message) : alreadySent(event, key));
    }

    private Future<Delivery> deliver(Event event, String key, MailMessage message) {
        return client.sendMail(message)
                .transform(sent -> sent.succeeded() ? recordSent(event, key) : recordFailure(key, sent.cause()));
    }

    private Future<Delivery> recordSent(Event event, String key) {
        LOG.trace("Email sink '{}' sent event '{}' as message '{}'", name, event.id(), key);
        return ledger.markSent(key).transform(marked -> {
            if (marked.failed()) {
                // The server has the message; failing now would send it again. The claim lapses
                // after claim-timeout, so only a redelivery after that could repeat it.
                LOG.warn(
                        "Email sink '{}' sent event '{}' but could not record it: {}",
                        name,
                        event.id(),
                        marked.cause().getMessage());
            }
            return Future.succeededFuture(Delivery.done());
        });
    }

    private Future<Delivery> recordFailure(String key, Throwable cause) {
        SinkException failure = SmtpFailures.classify(server, cause);
        return ledger.release(key).transform(released -> {
            if (released.failed()) {
                LOG.warn(
                        "Email sink '{}' could not release the claim on message '{}' ({}); it lapses after {}",
                        name,
                        key,
                        released.cause().getMessage(),
                        settings.dedupe().claimTimeout());
            }
            return Future.failedFuture(failure);
        });
    }

    private Future<Delivery> alreadySent(Event event, String key) {
        LOG.debug("Email sink '{}' skips event '{}': message '{}' was already sent", name, event.id(), key);
        return Future.succeededFuture(Delivery.done());
    }

    @Override
    public Future<Void> stop() {
        return client == null ? Future.succeededFuture() : client.close();
    }
}
