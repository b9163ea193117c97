package io.sluice.connector.email.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.email.EmailSettings;
import io.sluice.event.Event;
import io.sluice.pipeline.SinkException;
import io.sluice.template.EventTemplate;
import io.sluice.template.EventTemplates;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns an event into a mail message: renders the subject and bodies, collects the recipients and
 * sets the {@code Message-ID} derived from the event. Thread-safe; the templates are compiled once.
 */
final class MailComposer {

    private final EmailSettings settings;
    private final EventTemplate subject;
    private final EventTemplate text;
    private final EventTemplate html;

    private MailComposer(EmailSettings settings, EventTemplate subject, EventTemplate text, EventTemplate html) {
        this.settings = settings;
        this.subject = subject;
        this.text = text;
        this.html = html;
    }

    /**
     * Compiles the templates.
     *
     * @throws io.sluice.config.ConfigException naming the template that does not compile
     */
    static MailComposer compile(EmailSettings settings, ComponentConfig config) {
        EventTemplates plain = EventTemplates.plainText();
        return new MailComposer(
                settings,
                plain.compile(config, "subject", settings.subject()),
                plain.compile(config, "text", settings.text()),
                EventTemplates.html().compile(config, "html", settings.html()));
    }

    /**
     * Builds the message for the event.
     *
     * @throws SinkException permanent, when the event names no recipient or a template fails on it
     */
    MailMessage compose(Event event, String messageId) {
        List<String> recipients = recipients(event);
        Map<String, Object> scope = EventTemplates.scope(event);
        MailMessage message = new MailMessage()
                .setFrom(settings.from())
                .setTo(recipients)
                .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Message-ID", messageId));
        try {
            message.setSubject(subject.render(scope));
            if (text != null) {
                message.setText(text.render(scope));
            }
            if (html != null) {
                message.setHtml(html.render(scope));
            }
        } catch (RuntimeException e) {
            throw SinkException.permanent(
                    "email templates cannot be rendered for event '" + event.id() + "': " + e.getMessage(), e);
        }
        return message;
    }

    private List<String> recipients(Event event) {
        List<String> recipients = new ArrayList<>(settings.to());
        if (settings.toField() != null) {
            collect(lookup(EventTemplates.data(event), settings.toField()), recipients);
        }
        if (recipients.isEmpty()) {
            throw SinkException.permanent(
                    "event '" + event.id() + "' names no recipient: its data has none at '" + settings.toField() + "'",
                    null);
        }
        return recipients;
    }

    private static Object lookup(Object data, String path) {
        Object value = data;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map)) {
                return null;
            }
            value = ((Map<?, ?>) value).get(part);
        }
        return value;
    }

    private static void collect(Object value, List<String> into) {
        if (value instanceof List) {
            ((List<?>) value).forEach(item -> collect(item, into));
        } else if (value instanceof String) {
            Arrays.stream(((String) value).split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(into::add);
        }
    }
}
