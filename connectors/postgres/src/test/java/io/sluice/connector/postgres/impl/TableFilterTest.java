package io.sluice.connector.postgres.impl;

import static io.sluice.event.DatabaseChange.Action.DELETE;
import static io.sluice.event.DatabaseChange.Action.INSERT;
import static io.sluice.event.DatabaseChange.Action.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {

    @Test
    void tableWithoutSchemaIsInPublicAndWithoutActionTakesEveryAction() {
        TableFilter filter = TableFilter.parse(List.of("users"));

        assertThat(filter.allows("public", "users", DELETE)).isTrue();
        assertThat(filter.allows("audit", "users", INSERT)).isFalse();
        assertThat(filter.allows("public", "orders", INSERT)).isFalse();
    }

    @Test
    void actionRestrictsTheEntryAndEntriesAddUp() {
        TableFilter filter = TableFilter.parse(List.of("public.users:insert", " users:DELETE", "orders:*"));

        assertThat(filter.allows("public", "users", INSERT)).isTrue();
        assertThat(filter.allows("public", "users", DELETE)).isTrue();
        assertThat(filter.allows("public", "users", UPDATE)).isFalse();
        assertThat(filter.allows("public", "orders", UPDATE)).isTrue();
    }

    @Test
    void noEntryAllowsEverything() {
        TableFilter filter = TableFilter.parse(List.of());

        assertThat(filter.allows("any", "table", UPDATE)).isTrue();
        assertThat(filter.wal2jsonTables()).isEmpty();
    }

    @Test
    void tablesAreHandedToWal2jsonWithSpecialCharactersEscaped() {
        TableFilter filter = TableFilter.parse(List.of("users:insert", "users:delete", "sales.*", "odd.my table"));

        assertThat(filter.wal2jsonTables()).contains("public.users,sales.*,odd.my\\ table");
    }

    @Test
    void anySchemaAndAnyTableSendsEveryTable() {
        assertThat(TableFilter.parse(List.of("*.*:delete")).wal2jsonTables()).isEmpty();
    }

    @Test
    void rejectsAnUnknownActionNamingTheEntry() {
        assertThatThrownBy(() -> TableFilter.parse(List.of("users:upsert")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'users:upsert'")
                .hasMessageContaining("insert, update, delete or *");
    }
}
