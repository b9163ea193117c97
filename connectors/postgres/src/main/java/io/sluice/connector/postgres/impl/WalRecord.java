package io.sluice.connector.postgres.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.event.DatabaseChange;
import java.time.Instant;
import java.util.List;

/**
 * One record of wal2json's format-version 2 output: a transaction's begin or commit, one row
 * change, a logical message, or something Sluice skips (a TRUNCATE).
 */
sealed interface WalRecord {

    /**
     * {@code "action":"B"}: a transaction starts.
     *
     * @param xid the transaction id
     * @param commitTime when it committed, or {@code null} when the server did not say
     */
    record Begin(long xid, Instant commitTime) implements WalRecord {}

    /**
     * {@code "action":"C"}: a transaction ends.
     *
     * @param endLsn where the commit record ends ({@code nextlsn}); confirming it skips the
     *     transaction after a restart, and nothing after it
     */
    record Commit(long endLsn) implements WalRecord {}

    /**
     * {@code "action":"M"}: a logical message, such as Sluice's own heartbeat.
     *
     * @param lsn the message's position
     * @param transactional whether it belongs to a transaction; only non-transactional ones mark a
     *     position that may be confirmed
     * @param prefix the message's prefix
     */
    record Message(long lsn, boolean transactional, String prefix) implements WalRecord {}

    /**
     * {@code "action":"I"}, {@code "U"} or {@code "D"}: one row change.
     *
     * @param action what happened
     * @param lsn the change's position, as the server wrote it ({@code 0/1A2B3C})
     * @param schema the table's schema
     * @param table the table
     * @param columns the new row, absent on DELETE; unchanged TOAST columns are missing from it
     * @param identity the old row's replica identity, or {@code null} when there is none
     */
    record Change(
            DatabaseChange.Action action,
            String lsn,
            String schema,
            String table,
            List<ColumnValue> columns,
            List<ColumnValue> identity)
            implements WalRecord {}

    /**
     * A record Sluice does not turn into an event.
     *
     * @param action wal2json's action letter
     */
    record Skipped(String action) implements WalRecord {}

    /**
     * A column's value as wal2json wrote it.
     *
     * @param name the column
     * @param type the type's name without modifiers, e.g. {@code integer[]}
     * @param value numbers and booleans as JSON, everything else as the type's text output
     */
    record ColumnValue(String name, String type, JsonNode value) {}
}
