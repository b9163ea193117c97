package io.sluice.connector.postgres.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.pipeline.SinkException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

class SinkErrorsTest {

    private static SinkException classify(Throwable failure) {
        return SinkErrors.classify(failure, "public.orders", "e-1");
    }

    @Test
    void rowsTheServerRefusesArePermanentWithItsMessage() {
        SinkException unique = classify(new PgException(
                "duplicate key value violates unique constraint \"orders_pkey\"",
                "ERROR",
                "23505",
                "Key (id)=(1) already exists."));

        assertThat(unique.retryable()).isFalse();
        assertThat(unique.getMessage())
                .isEqualTo("table 'public.orders' rejected event 'e-1': duplicate key value violates unique"
                        + " constraint \"orders_pkey\" (Key (id)=(1) already exists.) [SQLSTATE 23505]");
        assertThat(classify(new PgException("invalid input syntax for type integer", "ERROR", "22P02", null))
                        .retryable())
                .isFalse();
        assertThat(classify(new PgException("column \"x\" does not exist", "ERROR", "42703", null))
                        .retryable())
                .isFalse();
    }

    @Test
    void connectionTroubleAndServerStatesArePassingAndRetried() {
        assertThat(classify(VertxException.noStackTrace("Connection refused")).retryable())
                .isTrue();
        assertThat(classify(new PgException("could not serialize access", "ERROR", "40001", null))
                        .retryable())
                .isTrue();
        assertThat(classify(new PgException("terminating connection", "FATAL", "57P01", null))
                        .retryable())
                .isTrue();
        assertThat(classify(new PgException("too many connections", "FATAL", "53300", null))
                        .retryable())
                .isTrue();
        assertThat(classify(new PgException("could not obtain lock", "ERROR", "55P03", null))
                        .retryable())
                .isTrue();
    }
}
