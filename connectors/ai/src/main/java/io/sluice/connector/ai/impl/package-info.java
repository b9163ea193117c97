/** The AI sink's implementation: the chat-completions wire format over the Vert.x HTTP client. */
package io.sluice.connector.ai.impl;
