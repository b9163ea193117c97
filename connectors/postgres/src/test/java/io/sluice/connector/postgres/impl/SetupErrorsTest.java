package io.sluice.connector.postgres.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server's messages are PostgreSQL 15's, as pgJDBC reports them. */
class SetupErrorsTest {

    private static final PostgresUrl URL = PostgresUrl.parse("postgresql://app@db/shop");

    @Test
    void missingWal2jsonSaysToInstallIt() {
        CdcSetupException e = SetupErrors.explain(
                "58P01", "could not access file \"wal2json\": No such file or directory", "s1", URL);

        assertThat(e.getMessage())
                .contains("wal2json output plugin is not installed")
                .contains("apt-get install");
    }

    @Test
    void roleWithoutReplicationSaysWhichAlterRoleToRun() {
        CdcSetupException e =
                SetupErrors.explain("42501", "must be superuser or replication role to start walsender", "s1", URL);

        assertThat(e.getMessage()).contains("ALTER ROLE app WITH REPLICATION");
    }

    @Test
    void refusedReplicationConnectionPointsAtPgHba() {
        CdcSetupException e = SetupErrors.explain(
                "28000", "no pg_hba.conf entry for replication connection from host \"10.0.0.5\"", "s1", URL);

        assertThat(e.getMessage()).contains("pg_hba.conf").contains("host shop app");
    }

    @Test
    void slotHeldByAnotherSessionIsNotExplainedSoItIsRetried() {
        assertThat(SetupErrors.explain("55006", "replication slot \"s1\" is active for PID 4242", "s1", URL))
                .isNull();
    }
}
