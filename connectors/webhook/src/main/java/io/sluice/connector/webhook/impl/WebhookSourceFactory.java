package io.sluice.connector.webhook.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.webhook.verify.SignatureScheme;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** {@code type: webhook}: signed inbound webhooks; see {@link WebhookSource}. */
public final class WebhookSourceFactory implements SourceFactory {

    private static final Set<String> KEYS = keys();

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        config.rejectUnknown(KEYS);
        SignatureScheme scheme = SchemeOptions.from(config);
        IntakeSettings intake = IntakeSettings.from(config, "hooks", Duration.ofHours(24));
        return new WebhookSource(
                context, intake, scheme, ConfiguredSecrets.read(config).size());
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>(IntakeSettings.KEYS);
        keys.addAll(SchemeOptions.KEYS);
        return Set.copyOf(keys);
    }
}
