/**
 * The {@code type: ai} sink: one chat completion per event from an OpenAI-compatible API (OpenAI,
 * Azure OpenAI, Ollama, vLLM, LM Studio), whose answer routes onward as an {@code
 * io.sluice.ai.completion} event.
 *
 * <p>{@link io.sluice.connector.ai.AiSettings} holds the resolved options and {@link
 * io.sluice.connector.ai.Completions} names the reply event's type and fields; the implementation
 * lives in {@code impl}.
 */
package io.sluice.connector.ai;
