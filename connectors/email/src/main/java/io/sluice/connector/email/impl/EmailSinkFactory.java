package io.sluice.connector.email.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.email.EmailSettings;
import io.sluice.pipeline.ComponentContext;
import io.sluice.pipeline.Sink;
import io.sluice.spi.SinkFactory;
import java.util.HashSet;
import java.util.Set;

/** {@code type: email}: templated SMTP messages, one per event; see {@link EmailSink}. */
public final class EmailSinkFactory implements SinkFactory {

    /** The keys the core reads from every sink. */
    private static final Set<String> CORE_KEYS = Set.of("concurrency", "timeout", "rate", "retry", "circuit-breaker");

    @Override
    public String type() {
        return "email";
    }

    @Override
    public Sink create(ComponentConfig config, ComponentContext context) {
        Set<String> known = new HashSet<>(EmailSettings.KEYS);
        known.addAll(CORE_KEYS);
        config.rejectUnknown(known);
        EmailSettings settings = EmailSettings.from(config);
        return new EmailSink(config.name(), settings, MailComposer.compile(settings, config), context);
    }
}
