package io.sluice.connector.postgres.impl;

import io.sluice.event.DatabaseChange;
import io.vertx.core.Future;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the records of one replication stream, in stream order, into row changes with stable ids
 * and positions that may be confirmed. It remembers the transaction a change belongs to (its id,
 * commit time and the change's index in it) and looks up the table's columns for TOAST detection.
 *
 * <p>Used from the source's event loop only, one record at a time: the next record is given only
 * once the previous one's future completed.
 */
final class ChangeDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDecoder.class);

    /** Where decoded records go. */
    interface Output {
        /** A change to emit, with an id that is the same each time the change is decoded. */
        void change(DatabaseChange change, String id);

        /** A position that may be confirmed once everything before it settled. */
        void position(long lsn);

        /** A record that is not wal2json format 2. */
        void undecodable(byte[] record, IllegalArgumentException cause);
    }

    private final String sourceName;
    private final String slot;
    private final TableFilter tables;
    private final RelationCache relations;
    private final Output output;
    private Long xid;
    private Instant commitTime;
    private int index;

    ChangeDecoder(String sourceName, String slot, TableFilter tables, RelationCache relations, Output output) {
        this.sourceName = sourceName;
        this.slot = slot;
        this.tables = tables;
        this.relations = relations;
        this.output = output;
    }

    /** Decodes one record; completes once its output was given. */
    Future<Void> accept(byte[] bytes) {
        WalRecord record;
        try {
            record = Wal2JsonParser.parse(bytes);
        } catch (IllegalArgumentException e) {
            output.undecodable(bytes, e);
            return Future.succeededFuture();
        }
        if (record instanceof WalRecord.Change) {
            index++;
            return change((WalRecord.Change) record, index);
        }
        if (record instanceof WalRecord.Begin) {
            xid = ((WalRecord.Begin) record).xid();
            commitTime = ((WalRecord.Begin) record).commitTime();
            index = 0;
        } else if (record instanceof WalRecord.Commit) {
            output.position(((WalRecord.Commit) record).endLsn());
        } else if (record instanceof WalRecord.Message && !((WalRecord.Message) record).transactional()) {
            output.position(((WalRecord.Message) record).lsn());
        } else if (record instanceof WalRecord.Skipped) {
            LOG.debug("Source '{}' skips a wal2json '{}' record", sourceName, ((WalRecord.Skipped) record).action());
        }
        return Future.succeededFuture();
    }

    private Future<Void> change(WalRecord.Change change, int indexInTransaction) {
        if (!tables.allows(change.schema(), change.table(), change.action())) {
            return Future.succeededFuture();
        }
        Long txid = xid;
        Instant time = commitTime;
        // Stable across redelivery: PostgreSQL decodes a transaction again in the same order.
        String id = slot + ":" + change.lsn() + ":" + indexInTransaction;
        return relations
                .columns(change.schema(), change.table())
                .compose(columns -> ChangeAssembler.needsFreshColumns(change, columns)
                        ? relations.refresh(change.schema(), change.table())
                        : Future.succeededFuture(columns))
                .map(columns -> {
                    output.change(ChangeAssembler.assemble(change, txid, time, columns), id);
                    return null;
                });
    }
}
