package io.sluice.connector.webhook.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code type: supabase-webhook}: Supabase Database Webhooks; see {@link SupabaseWebhookSource}. */
public final class SupabaseWebhookSourceFactory implements SourceFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SupabaseWebhookSourceFactory.class);
    private static final Set<String> KEYS = keys();

    @Override
    public String type() {
        return "supabase-webhook";
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        config.rejectUnknown(KEYS);
        IntakeSettings intake = IntakeSettings.from(config, "supabase", Duration.ofMinutes(2));
        return new SupabaseWebhookSource(context, intake, secret(config));
    }

    private static SharedSecret secret(ComponentConfig config) {
        List<String> secrets = ConfiguredSecrets.read(config);
        String header = config.string("secret-header", "Authorization");
        if (!header.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw config.problem("secret-header", "must be an HTTP header name", header);
        }
        if (secrets.isEmpty()) {
            if (config.has("secret-header")) {
                throw config.problem("secret-header", "needs secrets to check", header);
            }
            LOG.warn(
                    "Source '{}' takes Database Webhooks without a shared secret: anyone who can reach it can"
                            + " inject changes; set secrets",
                    config.name());
            return null;
        }
        return new SharedSecret(header, secrets);
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>(IntakeSettings.KEYS);
        keys.add("secret-header");
        keys.add(ConfiguredSecrets.KEY);
        return Set.copyOf(keys);
    }
}
