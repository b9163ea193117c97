package io.sluice.connector.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connector.postgres.impl.PostgresUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server or slot that cannot feed the source fails the start with what to do. */
class SetupErrorsIT {

    private PgTestDb db;

    @BeforeEach
    void connect() throws Exception {
        db = PgTestDb.connect();
    }

    @AfterEach
    void cleanUp() throws Exception {
        db.execute("DROP ROLE IF EXISTS sluice_it_norep");
        db.close();
    }

    private static String source(String name, String url, String slot) {
        return "sources: [{name: " + name + ", type: postgres-cdc, url: '" + url + "', slot: " + slot + "}]\n"
                + "sinks: [{name: " + name + "-out, type: scripted}]\n"
                + "routes: [{name: " + name + "-route, from: " + name + ", to: " + name + "-out}]\n";
    }

    @Test
    void roleWithoutReplicationFailsTheStartNamingTheAlterRoleToRun() throws Exception {
        db.execute("DROP ROLE IF EXISTS sluice_it_norep", "CREATE ROLE sluice_it_norep LOGIN");
        PostgresUrl url = PostgresUrl.parse(PgTestDb.url());
        String norep = "postgresql://sluice_it_norep@" + url.host() + ":" + url.port() + "/" + url.database();

        assertThatThrownBy(() -> SluiceRunner.start("norep", source("norep", norep, "it_norep")))
                .hasMessageContaining("role 'sluice_it_norep' may not read replication slots")
                .hasMessageContaining("ALTER ROLE sluice_it_norep WITH REPLICATION");
    }

    @Test
    void slotOfAnotherPluginFailsTheStartNamingIt() throws Exception {
        db.ownSlot("it_other_plugin");
        db.execute("SELECT pg_create_logical_replication_slot('it_other_plugin', 'test_decoding')");

        assertThatThrownBy(() ->
                        SluiceRunner.start("otherplugin", source("otherplugin", PgTestDb.url(), "it_other_plugin")))
                .hasMessageContaining("replication slot 'it_other_plugin' decodes with 'test_decoding', not wal2json");
    }

    @Test
    void missingSlotWithoutCreateSlotFailsTheStartWithTheStatementToRun() {
        String yaml = source("noslot", PgTestDb.url(), "it_no_such_slot")
                .replace("}]\nsinks", ", create-slot: false}]\nsinks");

        assertThatThrownBy(() -> SluiceRunner.start("noslot", yaml))
                .hasMessageContaining("pg_create_logical_replication_slot('it_no_such_slot', 'wal2json')");
    }
}
