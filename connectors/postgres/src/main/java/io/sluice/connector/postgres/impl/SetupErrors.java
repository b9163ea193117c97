package io.sluice.connector.postgres.impl;

/**
 * Turns the server's answers to replication requests into messages that say what to do. The
 * SQLSTATEs are PostgreSQL's; the texts they come with are the server's own.
 */
final class SetupErrors {

    /** An undefined file: the output plugin's library is missing on the server. */
    private static final String UNDEFINED_FILE = "58P01";

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String INVALID_AUTHORIZATION = "28000";
    private static final String UNDEFINED_OBJECT = "42704";

    private SetupErrors() {}

    /**
     * Explains a failure to create or read the slot, or returns {@code null} when the failure may
     * pass by itself (a lost connection, a slot still held by a session that is ending).
     */
    static CdcSetupException explain(String sqlState, String serverMessage, String slot, PostgresUrl url) {
        String message = serverMessage == null ? "" : serverMessage;
        if (UNDEFINED_FILE.equals(sqlState) && message.contains("wal2json")) {
            return new CdcSetupException("the wal2json output plugin is not installed on the server at " + url
                    + " (" + message + "): install it (Debian/Ubuntu: apt-get install postgresql-<version>-wal2json;"
                    + " it is built into Supabase, RDS, Aurora and Cloud SQL)");
        }
        if (INSUFFICIENT_PRIVILEGE.equals(sqlState)) {
            return new CdcSetupException("role '" + url.user() + "' may not read replication slot '" + slot + "' ("
                    + message + "): run ALTER ROLE " + url.user() + " WITH REPLICATION, or connect as a role"
                    + " that has REPLICATION");
        }
        if (INVALID_AUTHORIZATION.equals(sqlState) && message.contains("replication")) {
            return new CdcSetupException("the server at " + url + " refuses replication connections (" + message
                    + "): allow them in pg_hba.conf with a 'host " + url.database() + " " + url.user()
                    + " <address> <method>' line (logical replication matches the database, not 'replication')"
                    + " and reload");
        }
        if (UNDEFINED_OBJECT.equals(sqlState) && message.contains("replication slot")) {
            return new CdcSetupException("replication slot '" + slot + "' does not exist (" + message
                    + "): create it with SELECT pg_create_logical_replication_slot('" + slot
                    + "', 'wal2json'), or set create-slot: true");
        }
        return null;
    }
}
