package io.sluice.connector.kafka.impl;

import io.sluice.pipeline.SinkException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Sorts a failed send: Kafka's retriable errors (timeouts, leader changes, too few in-sync replicas,
 * an unknown topic that may yet be created) may pass on a later attempt; every other error (a record
 * too large, a denied topic, a producer fenced or closed) will not.
 */
final class SendFailures {

    private SendFailures() {}

    static SinkException classify(String sink, String topic, Throwable failure) {
        String message = "kafka sink '" + sink + "': topic '" + topic + "' did not take the record: "
                + failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return failure instanceof RetriableException
                ? SinkException.transientFailure(message, null, failure)
                : SinkException.permanent(message, failure);
    }
}
