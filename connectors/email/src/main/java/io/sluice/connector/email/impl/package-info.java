/** The email sink's implementation: SMTP through the Vert.x Mail Client, the JetStream dedupe record. */
package io.sluice.connector.email.impl;
