package io.sluice.connector.postgres.impl;

/**
 * The server or the slot is not set up for change data capture, and waiting will not fix it: its
 * message says what is wrong and what to do (set {@code wal_level}, grant {@code REPLICATION},
 * install wal2json, create the slot).
 */
final class CdcSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CdcSetupException(String message) {
        super(message);
    }

    CdcSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
