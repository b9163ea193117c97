package io.sluice.connector.postgres.impl;

import io.sluice.pipeline.SinkException;
import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * Sorts a failed write into transient (the connection, the server's load, a lost serialization race:
 * a retry may pass) and permanent (the row itself is wrong: a constraint, a type, a missing column
 * or table, a right not granted), keeping the server's own message for the dead-letter store.
 */
final class SinkErrors {

    /** SQLSTATE classes that describe the moment, not the row. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");

    /** lock_not_available. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private SinkErrors() {}

    static SinkException classify(Throwable failure, String table, String eventId) {
        if (!(failure instanceof PgException)) {
            return SinkException.transientFailure(
                    "cannot write event '" + eventId + "' to table '" + table + "': " + failure.getMessage(),
                    null,
                    failure);
        }
        PgException e = (PgException) failure;
        String state = e.getSqlState() == null ? "" : e.getSqlState();
        String message = "table '" + table + "' rejected event '" + eventId + "': " + e.getErrorMessage()
                + (e.getDetail() == null ? "" : " (" + e.getDetail() + ")") + " [SQLSTATE " + state + "]";
        boolean retryable = state.equals(LOCK_NOT_AVAILABLE)
                || (state.length() == 5 && TRANSIENT_CLASSES.contains(state.substring(0, 2)));
        return retryable ? SinkException.transientFailure(message, null, e) : SinkException.permanent(message, e);
    }
}
