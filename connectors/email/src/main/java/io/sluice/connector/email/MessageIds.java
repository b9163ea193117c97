package io.sluice.connector.email;

import io.sluice.event.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The idempotency key of an event and the {@code Message-ID} derived from it. Both depend only on
 * the event's {@code source} and {@code id}, which identify a CloudEvent, so a retry, a redelivery
 * or a replay of the same event yields the same key and the same {@code Message-ID}: the dedupe
 * record stops a second send, and a receiving mail system that deduplicates on {@code Message-ID}
 * shows one message even in the window the record cannot close.
 */
public final class MessageIds {

    private MessageIds() {}

    /**
     * The hex SHA-256 of the event's source and id. A newline separates them: a bare concatenation
     * would give {@code /sources/a} + {@code b-1} and {@code /sources/ab} + {@code -1} one key.
     */
    public static String key(Event event) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((event.source() + "\n" + event.id()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc); this cannot happen.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The {@code Message-ID} header value: {@code <key@sluice>}. */
    public static String messageId(String key) {
        return "<" + key + "@sluice>";
    }
}
