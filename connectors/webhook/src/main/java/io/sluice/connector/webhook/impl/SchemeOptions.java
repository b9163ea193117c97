package io.sluice.connector.webhook.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.webhook.verify.HmacOptions;
import io.sluice.connector.webhook.verify.Secret;
import io.sluice.connector.webhook.verify.SignatureEncoding;
import io.sluice.connector.webhook.verify.SignatureScheme;
import io.sluice.connector.webhook.verify.SignatureSchemes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the {@link SignatureScheme} of a {@code type: webhook} source from its options: {@code
 * scheme}, {@code secrets}, {@code tolerance} and the generic HMAC options. An option the chosen
 * scheme does not use is rejected rather than silently ignored (a {@code tolerance} for GitHub, which
 * signs no timestamp, would promise a replay check that does not happen).
 */
final class SchemeOptions {

    static final Set<String> KEYS = Set.of(
            "scheme",
            ConfiguredSecrets.KEY,
            "tolerance",
            "header",
            "algorithm",
            "encoding",
            "prefix",
            "id-header",
            "type-header");

    private static final Map<String, Set<String>> USED = Map.of(
            "standard-webhooks",
            Set.of(ConfiguredSecrets.KEY, "tolerance"),
            "stripe",
            Set.of(ConfiguredSecrets.KEY, "tolerance"),
            "github",
            Set.of(ConfiguredSecrets.KEY),
            "hmac",
            Set.of(ConfiguredSecrets.KEY, "header", "algorithm", "encoding", "prefix", "id-header", "type-header"),
            "none",
            Set.of());

    private SchemeOptions() {}

    /** @throws io.sluice.config.ConfigException naming the bad option */
    static SignatureScheme from(ComponentConfig config) {
        String scheme = config.oneOf("scheme", null, "standard-webhooks", "github", "stripe", "hmac", "none");
        if (scheme == null) {
            throw config.problem("scheme", "is required: one of standard-webhooks, github, stripe, hmac, none", null);
        }
        rejectUnused(config, scheme);
        try {
            return build(config, scheme);
        } catch (IllegalArgumentException e) {
            // The library's messages name the option ('header', 'secrets'); none quotes a secret.
            throw config.problem(optionNamedIn(e.getMessage()), e.getMessage(), null);
        }
    }

    private static SignatureScheme build(ComponentConfig config, String scheme) {
        Duration tolerance = config.duration("tolerance", SignatureSchemes.DEFAULT_TOLERANCE);
        switch (scheme) {
            case "standard-webhooks":
                return SignatureSchemes.standardWebhooks(secrets(config, Secret::ofStandardWebhooks), tolerance);
            case "stripe":
                return SignatureSchemes.stripe(secrets(config, Secret::ofText), tolerance);
            case "github":
                return SignatureSchemes.github(secrets(config, Secret::ofText));
            case "hmac":
                return SignatureSchemes.hmac(hmac(config));
            default:
                return SignatureSchemes.none();
        }
    }

    private static HmacOptions hmac(ComponentConfig config) {
        HmacOptions.Builder options = HmacOptions.builder()
                .header(config.requiredString("header"))
                .algorithm(config.string("algorithm", "HmacSHA256"))
                .encoding(SignatureEncoding.of(config.string("encoding", "hex")))
                .prefix(config.string("prefix", ""))
                .secrets(secrets(config, Secret::ofText));
        if (config.has("id-header")) {
            options.idHeader(config.string("id-header", null));
        }
        if (config.has("type-header")) {
            options.typeHeader(config.string("type-header", null));
        }
        return options.build();
    }

    private static List<Secret> secrets(ComponentConfig config, Function<String, Secret> shape) {
        List<String> texts = ConfiguredSecrets.read(config);
        if (texts.isEmpty()) {
            throw config.problem(
                    ConfiguredSecrets.KEY, "is required by scheme '" + config.string("scheme", "") + "'", null);
        }
        try {
            return texts.stream().map(shape).toList();
        } catch (IllegalArgumentException e) {
            throw config.problem(ConfiguredSecrets.KEY, e.getMessage(), null);
        }
    }

    private static void rejectUnused(ComponentConfig config, String scheme) {
        for (String key : KEYS) {
            if (!key.equals("scheme") && config.has(key) && !USED.get(scheme).contains(key)) {
                throw config.problem(key, "is not used by scheme '" + scheme + "'" + hint(scheme), null);
            }
        }
    }

    private static String hint(String scheme) {
        return scheme.equals("github") ? " (GitHub signs no timestamp; replays are caught by the dedupe window)" : "";
    }

    /** The option a library message names in quotes ({@code 'header' must be ...}), else the scheme. */
    private static String optionNamedIn(String message) {
        if (message != null && message.startsWith("'")) {
            int end = message.indexOf('\'', 1);
            String option = end > 1 ? message.substring(1, end) : "";
            if (KEYS.contains(option)) {
                return option;
            }
        }
        return "scheme";
    }
}
