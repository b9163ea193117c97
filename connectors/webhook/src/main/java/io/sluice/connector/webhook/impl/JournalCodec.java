package io.sluice.connector.webhook.impl;

import io.sluice.event.Event;
import io.sluice.event.EventCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Base64;

/**
 * The journal's form of an event: CloudEvents JSON from {@link EventCodec}, but with the data always
 * as {@code data_base64}.
 *
 * <p>{@link EventCodec} embeds JSON data as a JSON value, and decoding re-serialises it: spacing,
 * escapes and number spelling change, and a body no longer matches the signature its sender put on
 * it. Base64 keeps the bytes exact; CloudEvents allows {@code data_base64} whatever the {@code
 * datacontenttype}, and {@link EventCodec#decode} reads it back as the same bytes.
 */
final class JournalCodec {

    private JournalCodec() {}

    static Buffer encode(Event event) {
        JsonObject json = EventCodec.toJson(event);
        json.remove("data");
        if (event.data().length() > 0) {
            json.put(
                    "data_base64",
                    Base64.getEncoder().encodeToString(event.data().getBytes()));
        }
        return json.toBuffer();
    }

    static Event decode(Buffer envelope) {
        return EventCodec.decode(envelope);
    }
}
