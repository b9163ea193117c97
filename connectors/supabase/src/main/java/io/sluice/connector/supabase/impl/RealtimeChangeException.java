package io.sluice.connector.supabase.impl;

import java.util.List;

/**
 * Realtime sent a change with {@code errors} (e.g. {@code "Error 413: Payload Too Large"}, {@code
 * "Error 400: Bad Request, no primary key"}): its rows are missing or cut, so it is dead-lettered
 * with the errors as cause instead of being delivered as if complete.
 */
final class RealtimeChangeException extends RuntimeException {

    RealtimeChangeException(List<String> errors) {
        super("Realtime reported errors for this change: " + String.join("; ", errors));
    }
}
