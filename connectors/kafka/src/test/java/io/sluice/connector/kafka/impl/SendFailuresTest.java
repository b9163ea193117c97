package io.sluice.connector.kafka.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.pipeline.SinkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class SendFailuresTest {

    @Test
    void retriableKafkaErrorsAreTransient() {
        SinkException timeout = SendFailures.classify("out", "orders", new TimeoutException("expired"));
        SinkException replicas = SendFailures.classify("out", "orders", new NotEnoughReplicasException("isr 0"));

        assertThat(timeout.retryable()).isTrue();
        assertThat(replicas.retryable()).isTrue();
        assertThat(timeout.getMessage())
                .contains("'orders'")
                .contains("TimeoutException")
                .contains("expired");
    }

    @Test
    void otherErrorsArePermanent() {
        SinkException tooLarge = SendFailures.classify("out", "orders", new RecordTooLargeException("2 MB"));
        SinkException denied = SendFailures.classify("out", "orders", new TopicAuthorizationException("denied"));
        SinkException closed = SendFailures.classify("out", "orders", new IllegalStateException("producer closed"));

        assertThat(tooLarge.retryable()).isFalse();
        assertThat(denied.retryable()).isFalse();
        assertThat(closed.retryable()).isFalse();
    }
}
