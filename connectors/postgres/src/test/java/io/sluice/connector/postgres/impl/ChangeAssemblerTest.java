package io.sluice.connector.postgres.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.event.DatabaseChange;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeAssemblerTest {

    private static final TableColumns DOCS = new TableColumns(
            List.of(
                    new DatabaseChange.Column("id", "integer"),
                    new DatabaseChange.Column("title", "text"),
                    new DatabaseChange.Column("body", "text")),
            Set.of("title", "body"),
            System.nanoTime());

    private static WalRecord.Change change(String json) {
        return (WalRecord.Change) Wal2JsonParserTest.parse(json);
    }

    @Test
    void updateMissingAToastableColumnListsItAsUnchangedAndLeavesItOut() {
        WalRecord.Change update = change("{\"action\":\"U\",\"lsn\":\"0/10\",\"schema\":\"public\",\"table\":\"docs\","
                + "\"columns\":[{\"name\":\"id\",\"type\":\"integer\",\"value\":1},"
                + "{\"name\":\"title\",\"type\":\"text\",\"value\":\"b\"}],"
                + "\"identity\":[{\"name\":\"id\",\"type\":\"integer\",\"value\":1}]}");

        DatabaseChange built = ChangeAssembler.assemble(update, 9L, Instant.EPOCH, DOCS);

        assertThat(ChangeAssembler.needsFreshColumns(update, DOCS)).isFalse();
        assertThat(built.unchangedToast()).containsExactly("body");
        assertThat(built.record()).isEqualTo(new JsonObject().put("id", 1).put("title", "b"));
        assertThat(built.record().containsKey("body")).isFalse();
        assertThat(built.oldRecord()).isEqualTo(new JsonObject().put("id", 1));
        assertThat(built.columns()).isEqualTo(DOCS.columns());
    }

    @Test
    void insertAndDeleteNeverListUnchangedColumns() {
        WalRecord.Change delete = change("{\"action\":\"D\",\"lsn\":\"0/10\",\"schema\":\"public\",\"table\":\"docs\","
                + "\"identity\":[{\"name\":\"id\",\"type\":\"integer\",\"value\":1}]}");

        DatabaseChange built = ChangeAssembler.assemble(delete, 9L, Instant.EPOCH, DOCS);

        assertThat(built.unchangedToast()).isEmpty();
        assertThat(built.record()).isNull();
        assertThat(built.oldRecord()).isEqualTo(new JsonObject().put("id", 1));
    }

    @Test
    void aColumnTheCacheDoesNotKnowAsksForFreshColumns() {
        WalRecord.Change insert = change("{\"action\":\"I\",\"lsn\":\"0/10\",\"schema\":\"public\",\"table\":\"docs\","
                + "\"columns\":[{\"name\":\"id\",\"type\":\"integer\",\"value\":1},"
                + "{\"name\":\"added\",\"type\":\"text\",\"value\":\"x\"}]}");

        assertThat(ChangeAssembler.needsFreshColumns(insert, DOCS)).isTrue();
    }

    @Test
    void aMissingFixedLengthColumnCannotBeToastAndAsksForFreshColumns() {
        TableColumns withDroppedInt = new TableColumns(
                List.of(new DatabaseChange.Column("id", "integer"), new DatabaseChange.Column("gone", "integer")),
                Set.of(),
                System.nanoTime());
        WalRecord.Change update = change("{\"action\":\"U\",\"lsn\":\"0/10\",\"schema\":\"public\",\"table\":\"docs\","
                + "\"columns\":[{\"name\":\"id\",\"type\":\"integer\",\"value\":1}]}");

        assertThat(ChangeAssembler.needsFreshColumns(update, withDroppedInt)).isTrue();
        assertThat(ChangeAssembler.assemble(update, 1L, null, withDroppedInt).unchangedToast())
                .isEmpty();
    }

    @Test
    void unknownTableFallsBackToTheChangesOwnColumns() {
        WalRecord.Change insert = change("{\"action\":\"I\",\"lsn\":\"0/10\",\"schema\":\"public\",\"table\":\"gone\","
                + "\"columns\":[{\"name\":\"id\",\"type\":\"integer\",\"value\":1}]}");

        DatabaseChange built = ChangeAssembler.assemble(insert, 1L, null, TableColumns.unknown());

        assertThat(built.columns()).containsExactly(new DatabaseChange.Column("id", "integer"));
    }
}
