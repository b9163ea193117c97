package io.sluice.connector.postgres.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InsertStatementTest {

    @Test
    void plainInsertPopulatesTheRowFromOneJsonbParameter() {
        assertThat(InsertStatement.sql("orders", List.of("id", "sku"), List.of(), false))
                .isEqualTo("INSERT INTO \"orders\" (\"id\", \"sku\") SELECT \"id\", \"sku\""
                        + " FROM jsonb_populate_record(NULL::\"orders\", $1::jsonb)");
    }

    @Test
    void eventIdConflictDoesNothing() {
        assertThat(InsertStatement.sql("shop.orders", List.of("sku", "event_id"), List.of("event_id"), false))
                .endsWith("FROM jsonb_populate_record(NULL::\"shop\".\"orders\", $1::jsonb)"
                        + " ON CONFLICT (\"event_id\") DO NOTHING");
    }

    @Test
    void upsertUpdatesEveryColumnButTheKey() {
        assertThat(InsertStatement.sql("orders", List.of("id", "sku", "qty"), List.of("id"), true))
                .endsWith(" ON CONFLICT (\"id\") DO UPDATE SET \"sku\" = EXCLUDED.\"sku\", \"qty\" = EXCLUDED.\"qty\"");
    }

    @Test
    void identifiersAreQuotedSoNamesAreNeverSql() {
        assertThat(InsertStatement.quote("a\"; DROP TABLE x; --")).isEqualTo("\"a\"\"; DROP TABLE x; --\"");
    }
}
