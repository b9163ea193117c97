package io.sluice.connector.nats;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends jnats' asynchronous errors to the log instead of its default stderr output. */
final class LoggingErrorListener implements ErrorListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingErrorListener.class);

    @Override
    public void errorOccurred(Connection conn, String error) {
        LOG.warn("NATS server reported an error: {}", error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
        LOG.warn("NATS connection failed: {}", exp.toString());
    }
}
