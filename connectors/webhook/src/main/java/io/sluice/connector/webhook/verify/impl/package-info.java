/**
 * Implementations of the signature schemes; nothing here appears in a public signature.
 *
 * <p>Each scheme parses its headers, throws a {@link
 * io.sluice.connector.webhook.verify.impl.VerificationFailure} on the first failed check and lets
 * {@link io.sluice.connector.webhook.verify.impl.AbstractScheme} turn it into a rejection.
 */
package io.sluice.connector.webhook.verify.impl;
