package io.sluice.connector.openfaas.wire;

/**
 * An {@code /async-function} request the gateway would refuse: the front door answers {@code 400
 * Bad Request} with {@link #getMessage()} as the body.
 *
 * <p>The message names the header or parameter and the rule it broke, and is safe to return to the
 * client: it never echoes a URL, which could hold a password.
 */
public final class AsyncRequestException extends RuntimeException {

    /**
     * @param message what was wrong, fit to return to the client
     * @param cause the underlying failure, or {@code null}
     */
    public AsyncRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
