package io.sluice.connector.postgres.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.event.DatabaseChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Records as wal2json 2.5 wrote them on PostgreSQL 15 with the options the source passes. */
class Wal2JsonParserTest {

    static WalRecord parse(String json) {
        return Wal2JsonParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void beginCarriesTheTransactionAndItsCommitTime() {
        WalRecord record = parse("{\"action\":\"B\",\"xid\":742,\"timestamp\":\"2026-12-03 16:37:37.092197+00\","
                + "\"lsn\":\"0/1952B48\",\"nextlsn\":\"0/1952B78\"}");

        assertThat(record).isEqualTo(new WalRecord.Begin(742, Instant.parse("2026-12-03T16:37:37.092197Z")));
    }

    @Test
    void commitCarriesTheEndOfItsRecord() {
        WalRecord record = parse("{\"action\":\"C\",\"xid\":742,\"timestamp\":\"2026-12-03 16:37:37.092197+00\","
                + "\"lsn\":\"0/1952B48\",\"nextlsn\":\"0/1952B78\"}");

        assertThat(record).isEqualTo(new WalRecord.Commit(Lsn.parse("0/1952B78")));
    }

    @Test
    void heartbeatIsANonTransactionalMessage() {
        WalRecord record = parse("{\"action\":\"M\",\"xid\":null,\"timestamp\":null,\"lsn\":\"0/1946058\","
                + "\"transactional\":false,\"prefix\":\"sluice-heartbeat\",\"content\":\"hb\"}");

        assertThat(record).isEqualTo(new WalRecord.Message(Lsn.parse("0/1946058"), false, "sluice-heartbeat"));
    }

    @Test
    void updateCarriesNewColumnsAndIdentity() {
        WalRecord.Change change = (WalRecord.Change) parse("{\"action\":\"U\",\"xid\":743,\"lsn\":\"0/1952BB0\","
                + "\"schema\":\"public\",\"table\":\"exp_t\",\"columns\":[{\"name\":\"id\",\"type\":\"integer\","
                + "\"value\":1},{\"name\":\"name\",\"type\":\"text\",\"value\":\"b\"}],"
                + "\"identity\":[{\"name\":\"id\",\"type\":\"integer\",\"value\":1}]}");

        assertThat(change.action()).isEqualTo(DatabaseChange.Action.UPDATE);
        assertThat(change.lsn()).isEqualTo("0/1952BB0");
        assertThat(change.columns()).extracting(WalRecord.ColumnValue::name).containsExactly("id", "name");
        assertThat(change.identity()).extracting(WalRecord.ColumnValue::name).containsExactly("id");
    }

    @Test
    void truncateIsSkipped() {
        assertThat(parse("{\"action\":\"T\",\"xid\":1,\"lsn\":\"0/1\",\"schema\":\"public\",\"table\":\"t\"}"))
                .isEqualTo(new WalRecord.Skipped("T"));
    }

    @Test
    void rejectsWhatIsNotAWal2jsonRecordSayingWhy() {
        assertThatThrownBy(() -> parse("{\"action\":\"I\",\"schema\":\"public\"}"))
                .hasMessageContaining("no 'lsn'");
        assertThatThrownBy(() -> parse("not json")).hasMessageContaining("not JSON");
    }
}
