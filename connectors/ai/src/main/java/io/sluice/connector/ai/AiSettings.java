package io.sluice.connector.ai;

import io.sluice.config.ComponentConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * The resolved options of one {@code type: ai} sink. Templates stay as text here; the sink compiles
 * them at start-up.
 *
 * @param baseUrl the API's base URL, e.g. {@code https://api.openai.com} or {@code
 *     http://ollama:11434}; for Azure, {@code https://<resource>.openai.azure.com/openai/deployments/<name>}
 * @param path the chat-completions path; {@code /v1/chat/completions} by default, {@code
 *     /chat/completions} for Azure
 * @param apiVersion the {@code api-version} query parameter (Azure), or {@code null}
 * @param apiKey the key ({@code ${secret:…}}), or {@code null} for servers without auth (Ollama)
 * @param authHeader {@code bearer} ({@code Authorization: Bearer <key>}) or {@code api-key} (Azure's
 *     {@code api-key: <key>})
 * @param model the model asked first
 * @param fallbackModel the model asked when the first is missing (404) or on the core's last
 *     attempt; {@code null} for none
 * @param system the system message template, or {@code null}
 * @param prompt the user message template
 * @param json whether to ask for a JSON object ({@code response-format: json})
 * @param stream whether to read the answer as server-sent events
 * @param temperature the sampling temperature, or {@code null} for the model's default
 * @param maxTokens the completion's token limit, or {@code null} for the model's default
 * @param tokensPerMinute the token budget per minute, 0 for none
 * @param concurrency the core's {@code concurrency}: HTTP connections kept open
 * @param timeout the core's {@code timeout}: a request idle longer than this is reset
 * @param maxAttempts the core's {@code retry.max-attempts}: the last one goes to the fallback model
 */
public record AiSettings(
        String baseUrl,
        String path,
        String apiVersion,
        String apiKey,
        String authHeader,
        String model,
        String fallbackModel,
        String system,
        String prompt,
        boolean json,
        boolean stream,
        Double temperature,
        Integer maxTokens,
        int tokensPerMinute,
        int concurrency,
        Duration timeout,
        int maxAttempts) {

    /** The options this sink reads, besides the core's shared sink keys. */
    public static final Set<String> KEYS = Set.of(
            "base-url",
            "path",
            "api-version",
            "api-key",
            "auth-header",
            "model",
            "fallback-model",
            "system",
            "prompt",
            "response-format",
            "stream",
            "temperature",
            "max-tokens",
            "tokens-per-minute");

    /**
     * Reads and checks the options.
     *
     * @throws io.sluice.config.ConfigException naming the bad option
     */
    public static AiSettings from(ComponentConfig config) {
        String baseUrl = config.requiredString("base-url");
        checkUrl(config, baseUrl);
        return new AiSettings(
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                config.string("path", "/v1/chat/completions"),
                config.string("api-version", null),
                config.string("api-key", null),
                config.oneOf("auth-header", "bearer", "bearer", "api-key"),
                config.requiredString("model"),
                config.string("fallback-model", null),
                config.string("system", null),
                config.requiredString("prompt"),
                config.oneOf("response-format", "text", "text", "json").equals("json"),
                config.bool("stream", false),
                temperature(config),
                config.has("max-tokens") ? config.integer("max-tokens", 0, 1, 1_000_000) : null,
                config.integer("tokens-per-minute", 0, 0, 100_000_000),
                config.integer("concurrency", 16, 1, 10_000),
                config.positiveDuration("timeout", Duration.ofSeconds(30)),
                config.section("retry").integer("max-attempts", 5, 1, 1000));
    }

    private static void checkUrl(ComponentConfig config, String baseUrl) {
        try {
            URI uri = new URI(baseUrl);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw config.problem("base-url", "must be an http or https URL with a host", baseUrl);
            }
        } catch (URISyntaxException e) {
            throw config.problem("base-url", "must be a URL: " + e.getReason(), baseUrl);
        }
    }

    private static Double temperature(ComponentConfig config) {
        Object value = config.json().getValue("temperature");
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number) || ((Number) value).doubleValue() < 0 || ((Number) value).doubleValue() > 2) {
            throw config.problem("temperature", "must be a number between 0 and 2", value);
        }
        return ((Number) value).doubleValue();
    }

    /** The endpoint: base URL, path, and the {@code api-version} query when set. */
    public String endpoint() {
        String url = baseUrl + path;
        return apiVersion == null
                ? url
                : url + (url.contains("?") ? "&" : "?") + "api-version="
                        + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8);
    }

    /** Names the endpoint and models; never the key. */
    @Override
    public String toString() {
        return "AiSettings{endpoint='" + endpoint() + "', model='" + model + "', fallback-model="
                + (fallbackModel == null ? "none" : "'" + fallbackModel + "'") + ", auth=" + authHeader
                + (apiKey == null ? " (no key)" : "") + ", stream=" + stream + ", json=" + json
                + ", tokens-per-minute=" + tokensPerMinute + "}";
    }
}
