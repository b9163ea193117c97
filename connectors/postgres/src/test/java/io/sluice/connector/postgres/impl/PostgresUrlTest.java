package io.sluice.connector.postgres.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void readsLibpqFormWithPercentEncodedPassword() {
        PostgresUrl url = PostgresUrl.parse("postgresql://app:p%40ss+word@db.example.com:6543/orders?sslmode=require");

        assertThat(url).isEqualTo(new PostgresUrl("db.example.com", 6543, "orders", "app", "p@ss+word", "require"));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/orders");
        assertThat(url.jdbcProperties()).containsEntry("password", "p@ss+word").containsEntry("sslmode", "require");
    }

    @Test
    void readsJdbcFormWithCredentialsInTheQuery() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://127.0.0.1/sluice?user=postgres&password=secret");

        assertThat(url).isEqualTo(new PostgresUrl("127.0.0.1", 5432, "sluice", "postgres", "secret", "disable"));
    }

    @Test
    void databaseDefaultsToTheUserAsLibpqDoes() {
        assertThat(PostgresUrl.parse("postgres://alice@localhost").database()).isEqualTo("alice");
    }

    @Test
    void configuresTheVertxClientAlike() {
        PgConnectOptions options = PostgresUrl.parse("postgresql://app:pw@db:5433/orders?sslmode=require")
                .connectOptions();

        assertThat(options.getHost()).isEqualTo("db");
        assertThat(options.getPort()).isEqualTo(5433);
        assertThat(options.getDatabase()).isEqualTo("orders");
        assertThat(options.getUser()).isEqualTo("app");
        assertThat(options.getPassword()).isEqualTo("pw");
        assertThat(options.getSslMode()).isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void neverShowsThePassword() {
        PostgresUrl url = PostgresUrl.parse("postgresql://app:hunter2@db/orders");

        assertThat(url.toString()).isEqualTo("postgresql://app@db:5432/orders").doesNotContain("hunter2");
    }

    @Test
    void rejectsWhatItCannotReadWithoutEchoingIt() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://app:hunter2@db/orders"))
                .hasMessageContaining("postgresql://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://db/orders"))
                .hasMessageContaining("must name the user");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://app@db/orders?currentSchema=x"))
                .hasMessageContaining("'currentSchema'");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://app@db/orders?sslmode=prefer"))
                .hasMessageContaining("sslmode must be one of");
    }
}
